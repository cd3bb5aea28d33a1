// generated from specs/hitachi-vsp-one-object.yaml by scripts/generate-clients.mjs (openapi-typescript); do not edit.
// Change the spec and run `npm run generate`; `npm test` fails when this file is stale.

export interface paths {
    "/v1/user/list_buckets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Displaying all buckets owned by a user
         * @description Retrieves a list of buckets owned by VSP One Object users, filtered by user ID and bucket name. You can
         *     also apply filters to return a subset of results.
         *
         *     Paging: pass `pageToken` from the previous response to continue the listing; the last page carries no
         *     `pageToken`. HCP for cloud scale 2.x and VSP One Object 3.0.x page with `startingAfter` (a bucket name)
         *     instead and return a bare array.
         *
         */
        post: operations["ListUserBuckets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/csrf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Requesting a CSRF (XSRF) token and session cookie
         * @description Returns the XSRF token and the Vert.x web session information as cookies for use in subsequent MAPI
         *     calls. The list-buckets page refers to it as "performing a GET on /csrf"; the full URL is
         *     `GET {scheme}://{host}/mapi/v1/csrf` (HCP for cloud scale 2.5.x: `GET https://10.10.24.195:9099/mapi/v1/csrf`).
         *     Hitachi's Ansible collection calls it without an `Authorization` header, so no security is required.
         *
         *     The XSRF token is returned as a cookie named `XSRF-TOKEN` and the Vert.x session token as a cookie named
         *     `vertx-web.session`. Send the token value back in the `X-XSRF-TOKEN` header and both cookies in the
         *     `Cookie` header (`Cookie: XSRF-TOKEN=<token>; vertx-web.session=<session>`) of each MAPI request.
         *     The XSRF token has a limited lifetime, so it's best to obtain a fresh token before issuing every group of
         *     requests.
         *
         *     HCP for cloud scale 2.4.x has no `csrf` method: its docs scrape the `XSRF-TOKEN` cookie from
         *     `GET https://<cluster>:9099/` (the UI root) and send only that cookie (no Vert.x session).
         *
         */
        get: operations["GetCsrfToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Body of `POST /v1/user/list_buckets`. */
        ListUserBucketsRequest: {
            /**
             * @description ID of the user
             *
             *     The 3.3.x page types it as an integer (example `0`; Hitachi's Ansible collection uses ids such as
             *     `-12423334`). HCP for cloud scale 2.x and VSP One Object 3.0.x identify users by a UUID string, so a
             *     string is accepted too.
             *
             * @example 0
             * @example -12423334
             * @example 6d1c2d8e-3f0a-4f1e-9b7a-2c5d8e9f0a1b
             */
            id: number | string;
            /**
             * @description Number of buckets to return
             *
             *     The 3.3.x page states no range or default; the HCP for cloud scale 2.5.x reference documents 1 to 1000
             *     with a default of 1000 (the server's default when `count` is omitted). The range is applied here; the
             *     default is stated only in this description, because a schema `default` makes openapi-typescript type the
             *     field as required, which would force callers to send `count`.
             *
             * @example 602
             */
            count?: number;
            /**
             * @description Page token from previous request, to start listing from. Leave blank to start from the beginning of the
             *     list.
             *
             *     The token is opaque (a base64 string); pass back exactly what the previous response returned.
             *
             * @example pageToken
             */
            pageToken?: string;
            /**
             * @deprecated
             * @description Legacy paging field of HCP for cloud scale 2.x and VSP One Object 3.0.x: the name of the bucket to start
             *     listing after. Replaced by `pageToken` in VSP One Object 3.3.x (Hitachi's own Ansible collection no
             *     longer sends it); kept so clients can talk to older clusters.
             *
             * @example bucket-0999
             */
            startingAfter?: string;
        };
        /** @description A bucket owned by the user. */
        UserBucket: {
            /**
             * @description ID of the bucket
             *
             *     The 3.3.x page types it as an integer; HCP for cloud scale 2.x and VSP One Object 3.0.x return a UUID
             *     string, so both are accepted. The page gives no range: an integer beyond 2^53 cannot be read exactly
             *     by JavaScript's JSON parser, so bucketry leaves such an id out of its normalized record (and reports
             *     it) rather than give a wrong one.
             *
             * @example 0
             * @example 1852773175
             * @example 0f6e4c1a-9d2b-4a7e-8c3f-5b1d2e3f4a5b
             */
            bucketId?: number | string;
            /**
             * @description Bucket name
             * @example example
             */
            bucketName?: string;
        };
        /** @description The VSP One Object 3.3.x response shape. */
        ListUserBucketsResponse: {
            /** @description Buckets returned from the listing. */
            buckets?: components["schemas"]["UserBucket"][];
            /**
             * @description Page token that can be used in future requests to continue listing from last result.
             *
             *     Absent or empty on the last page. Not on the page: Hitachi's Ansible collection and the other 3.x list
             *     endpoints end a listing this way (see the vendor notes); bucketry treats both as the end.
             *
             * @example example
             */
            pageToken?: string;
        };
        /** @description The HCP for cloud scale 2.x / VSP One Object 3.0.x response shape: a bare JSON array of buckets with UUID
         *     `bucketId`s and no page token (page with `startingAfter` = the last `bucketName`). An unknown user id
         *     yields an empty array on 2.5.x.
         *      */
        LegacyListUserBucketsResponse: components["schemas"]["UserBucket"][];
        /** @description The 200 body: the current object (`ListUserBucketsResponse`, 3.3.x) or, from older clusters, the legacy bare
         *     array (`LegacyListUserBucketsResponse`). The two are told apart by JSON type (object vs array).
         *      */
        ListUserBucketsResult: components["schemas"]["ListUserBucketsResponse"] | components["schemas"]["LegacyListUserBucketsResponse"];
        /** @description Error body documented for 400 and 404. The page documents no specific error code values (its examples
         *     use `example`).
         *      */
        ErrorResponse: {
            /** @description Error code */
            code?: string;
            /** @description Error message */
            message?: string;
            /** @description Error details */
            details?: string;
        };
    };
    responses: never;
    parameters: {
        /** @description XSRF token header for CSRF security. Can be obtained as the value of a cookie by performing a GET on /csrf.
         *      */
        XsrfTokenHeader: string;
        /** @description XSRF token header for CSRF security. Can be obtained as the value of a cookie by performing a GET on /csrf.
         *
         *     (The page reuses the X-XSRF-TOKEN description here.) In practice the value is the cookie pair returned by
         *     `GET /v1/csrf`: `XSRF-TOKEN=<token>; vertx-web.session=<session>` (HCP for cloud scale 2.4.x: only
         *     `XSRF-TOKEN=<token>`). The page marks it as a required request header, so it is kept as a header parameter
         *     (it is also described by the `xsrfCookie` security scheme). Browsers forbid scripts from setting `Cookie`;
         *     there, rely on the browser's cookie jar (`credentials: "include"`) instead.
         *      */
        CookieHeader: string;
    };
    requestBodies: never;
    headers: {
        /** @description Sent twice: `XSRF-TOKEN=<token>` (send its value as the `X-XSRF-TOKEN` header and as a cookie) and
         *     `vertx-web.session=<session>` (send as a cookie). Cookie attributes are not documented.
         *      */
        SetCookie: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ListUserBuckets: {
        parameters: {
            query?: never;
            header: {
                /** @description XSRF token header for CSRF security. Can be obtained as the value of a cookie by performing a GET on /csrf.
                 *      */
                "X-XSRF-TOKEN": components["parameters"]["XsrfTokenHeader"];
                /** @description XSRF token header for CSRF security. Can be obtained as the value of a cookie by performing a GET on /csrf.
                 *
                 *     (The page reuses the X-XSRF-TOKEN description here.) In practice the value is the cookie pair returned by
                 *     `GET /v1/csrf`: `XSRF-TOKEN=<token>; vertx-web.session=<session>` (HCP for cloud scale 2.4.x: only
                 *     `XSRF-TOKEN=<token>`). The page marks it as a required request header, so it is kept as a header parameter
                 *     (it is also described by the `xsrfCookie` security scheme). Browsers forbid scripts from setting `Cookie`;
                 *     there, rely on the browser's cookie jar (`credentials: "include"`) instead.
                 *      */
                Cookie: components["parameters"]["CookieHeader"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description Body parameters (required). The page lists the request media type as `*\/*`; the server reads JSON and
         *     Hitachi's own examples (curl `-d '{...}'`, the HCP-CS docs and the Ansible collection) send
         *     `Content-Type: application/json`, so only `application/json` is declared here.
         *      */
        requestBody: {
            content: {
                "application/json": components["schemas"]["ListUserBucketsRequest"];
            };
        };
        responses: {
            /** @description The buckets owned by the given user are listed in the response. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListUserBucketsResult"];
                };
            };
            /** @description The request was missing a user id or parameters are invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Access was denied due to invalid credentials.
             *
             *     Also returned when the XSRF token or session cookie is missing or expired. The page documents no
             *     response body for this status; treat any body as opaque.
             *      */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The user id could not be found.
             *
             *     (VSP One Object 3.0.x and later; HCP for cloud scale 2.5.x instead returns 200 with an empty list.)
             *      */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The specified HTTP method is not allowed. Please resend the request using the POST method.
             *
             *     This status is what the server answers when `/v1/user/list_buckets` is called with any method other
             *     than POST; OpenAPI cannot attach a response to an undeclared method, so it is listed here. The page
             *     documents no response body for this status.
             *      */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GetCsrfToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tokens are set as cookies. The response body is not documented; read the two `Set-Cookie`
             *     headers (one for `XSRF-TOKEN`, one for `vertx-web.session`).
             *      */
            200: {
                headers: {
                    "Set-Cookie": components["headers"]["SetCookie"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Client error. Hitachi documents no error statuses for this method (a release without it, such as
             *     HCP for cloud scale 2.4.x, answers 404); treat any body as opaque.
             *      */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
