// generated from specs/aliyun-ens.yaml by scripts/generate-clients.mjs (openapi-typescript); do not edit.
// Change the spec and run `npm run generate`; `npm test` fails when this file is stale.

export interface paths {
    "/": {
        parameters: {
            query: {
                /**
                 * @description The operation to perform. Required common RPC parameter; for this operation the value is always
                 *     `ListBuckets`. (With signature V3 the SDK carries the same value in the `x-acs-action` header.)
                 *
                 * @example ListBuckets
                 */
                Action: components["parameters"]["Action"];
                /**
                 * @description The API version. Required common RPC parameter; for ENS the value is always `2017-11-10`.
                 *     (With signature V3 the SDK carries the same value in the `x-acs-version` header.)
                 *
                 * @example 2017-11-10
                 */
                Version: components["parameters"]["Version"];
                /** @description The prefix that returned bucket names must contain. If this parameter is not specified, prefix information will not be used as a filter. */
                Prefix?: components["parameters"]["Prefix"];
                /** @description The page number. Pages start from page 1.
                 *
                 *     Type note: the API page (and the official SDK model) types `PageNumber` as **string** holding a
                 *     number (example `1`), while callers commonly pass a number. Both serialize to the same query
                 *     string, so the schema accepts an integer ≥ 1 or a string of decimal digits without a leading zero
                 *     (`string | number` in TypeScript).
                 *      */
                PageNumber?: components["parameters"]["PageNumber"];
                /** @description The maximum number of returned buckets. You can leave this parameter empty. The default value is 10. The value cannot be greater than 100.
                 *
                 *     Type note: the API page (and the official SDK model) types `PageSize` as **string** holding a
                 *     number (example `5`), while callers commonly pass a number. Both serialize to the same query
                 *     string, so the schema accepts an integer 1–100 or a decimal string `"1"`–`"100"`
                 *     (`string | number` in TypeScript); `default: 10` and `maximum: 100` apply to the numeric form and
                 *     the `pattern` enforces the same range on the string form.
                 *      */
                PageSize?: components["parameters"]["PageSize"];
                /**
                 * @description Common RPC parameter: the response format, `JSON` or `XML` (XML when neither this nor
                 *     `Accept: application/json` asks for JSON). Signed V3 requests from the official SDK carry no `Format` and
                 *     ask for JSON through `Accept`; its anonymous requests send `Format=json`, hence the lower-case values. This
                 *     spec documents only the JSON response.
                 *
                 * @example JSON
                 */
                Format?: components["parameters"]["Format"];
                /**
                 * @description Common RPC parameter, signature V2 only (required when signing with V2; not sent with V3). The AccessKey ID.
                 * @example LTAI****************
                 */
                AccessKeyId?: components["parameters"]["AccessKeyId"];
                /**
                 * @description Common RPC parameter, signature V2 only (required when signing with V2). The signature algorithm, `HMAC-SHA1`.
                 * @example HMAC-SHA1
                 */
                SignatureMethod?: components["parameters"]["SignatureMethod"];
                /**
                 * @description Common RPC parameter, signature V2 only (required when signing with V2). The request time in
                 *     ISO 8601, UTC, `yyyy-MM-ddTHH:mm:ssZ` (no milliseconds).
                 *
                 * @example 2022-10-12T05:45:00Z
                 */
                Timestamp?: components["parameters"]["Timestamp"];
                /**
                 * @description Common RPC parameter, signature V2 only (required when signing with V2). The signature version, `1.0`.
                 * @example 1.0
                 */
                SignatureVersion?: components["parameters"]["SignatureVersion"];
                /**
                 * @description Common RPC parameter, signature V2 only (required when signing with V2). A unique random value per
                 *     request (a UUID is recommended) that prevents replay attacks.
                 *
                 * @example 3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf
                 */
                SignatureNonce?: components["parameters"]["SignatureNonce"];
                /** @description Common RPC parameter, signature V2 only. The STS security token, sent when signing with temporary STS credentials. */
                SecurityToken?: components["parameters"]["SecurityToken"];
            };
            header?: {
                /**
                 * @description Signature V3 header (signed). The API operation, `ListBuckets`; required when signing with ACS3-HMAC-SHA256.
                 * @example ListBuckets
                 */
                "x-acs-action"?: components["parameters"]["XAcsAction"];
                /**
                 * @description Signature V3 header (signed). The API version, `2017-11-10`; required when signing with ACS3-HMAC-SHA256.
                 * @example 2017-11-10
                 */
                "x-acs-version"?: components["parameters"]["XAcsVersion"];
                /**
                 * @description Signature V3 header (signed). The request time, ISO 8601 UTC `yyyy-MM-ddTHH:mm:ssZ`; required when signing with ACS3-HMAC-SHA256.
                 * @example 2022-10-12T05:45:00Z
                 */
                "x-acs-date"?: components["parameters"]["XAcsDate"];
                /**
                 * @description Signature V3 header (signed). A unique random value per request that prevents replay attacks; required when signing with ACS3-HMAC-SHA256.
                 * @example 3156853299f313e23d1673dc12e1703d
                 */
                "x-acs-signature-nonce"?: components["parameters"]["XAcsSignatureNonce"];
                /**
                 * @description Signature V3 header (signed). Lower-case hex SHA-256 of the request body; for the empty body of
                 *     `ListBuckets` it is `e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855`.
                 *
                 * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                 */
                "x-acs-content-sha256"?: components["parameters"]["XAcsContentSha256"];
                /** @description Signature V3 header (signed). The STS security token, sent when signing with temporary STS credentials. */
                "x-acs-security-token"?: components["parameters"]["XAcsSecurityToken"];
                /** @description Signature V3 header (signed). The AccessKey ID of temporary STS credentials, sent beside
                 *     `x-acs-security-token` (the official SDK's `doRequest` sets both).
                 *      */
                "x-acs-accesskey-id"?: components["parameters"]["XAcsAccesskeyId"];
                /**
                 * @description `application/json` asks for the JSON answer this spec documents. Not on the page: without it, or
                 *     `Format=JSON`, ENS answers XML. The official SDK sends `accept: application/json` on every V3 request.
                 *
                 * @example application/json
                 */
                Accept?: components["parameters"]["Accept"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * Queries all buckets of a user (GET)
         * @description Queries all buckets of a user.
         *
         *     Alibaba Cloud RPC APIs accept `GET` as well as `POST`; this is the `GET` form of `ListBuckets`
         *     (`GET /?Action=ListBuckets&Version=2017-11-10&...`). Parameters, responses and errors are identical
         *     to the `POST` operation `ListBuckets`.
         *
         *     RAM authorization: action `ens:ListBuckets`, access level `list`, resource type `*All Resource`.
         *
         */
        get: operations["ListBucketsByGet"];
        put?: never;
        /**
         * Queries all buckets of a user (POST, the official SDK's default)
         * @description Queries all buckets of a user.
         *
         *     This is the form the official SDK sends: `POST /?Action=ListBuckets&Version=2017-11-10&...` with the
         *     business parameters (`Prefix`, `PageNumber`, `PageSize`) **in the query string** and no request
         *     body. The same operation is also reachable with `GET` (operation `ListBucketsByGet`).
         *
         *     RAM authorization: action `ens:ListBuckets`, access level `list`, resource type `*All Resource`.
         *
         */
        post: operations["ListBuckets"];
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
        /**
         * @description The access control list (ACL) of the bucket.
         *     - public-read-write
         *     - public-read
         *     - private (default)
         *
         * @default private
         * @example private
         * @enum {string}
         */
        BucketAcl: "public-read-write" | "public-read" | "private";
        /** @description The information of one bucket (an element of `BucketInfos`). */
        BucketInfo: {
            BucketAcl?: components["schemas"]["BucketAcl"];
            /**
             * @description The name of the bucket.
             * @example test
             */
            BucketName?: string;
            /**
             * @description The remarks.
             * @example numb
             */
            Comment?: string;
            /**
             * Format: date-time
             * @description The time when the bucket was created. The time follows the ISO 8601 standard in the yyyy-MM-ddTHH:mm:ssZ format. The time is displayed in UTC.
             * @example 2022-10-12T05:45:00Z
             */
            CreateTime?: string;
            /**
             * @description The type of the single-node storage. Set the value to sink.
             *
             *     The page documents `sink` as the only value; the schema keeps the field an open string (with
             *     `sink` as the documented example) so a new storage type does not break parsing.
             *
             * @example sink
             */
            LogicalBucketType?: string;
            /**
             * Format: date-time
             * @description The time when the bucket was modified. The time follows the ISO 8601 standard in the yyyy-MM-ddTHH:mm:ssZ format. The time is displayed in UTC.
             * @example 2022-10-12T06:45:00Z
             */
            ModifyTime?: string;
            /**
             * @description The ID of the region where the node is located.
             * @example cn-dalian-unicom
             */
            EnsRegionId?: string;
        };
        /** @description Schema of Response
         *
         *     Only `RequestId` is marked required: the page does not say whether `BucketInfos` and `TotalCount`
         *     are sent when nothing matches, and Alibaba Cloud RPC APIs may omit empty members.
         *      */
        ListBucketsResponse: {
            /**
             * @description The ID of the request.
             * @example 435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853
             */
            RequestId: string;
            /** @description The list of bucket information. */
            BucketInfos?: components["schemas"]["BucketInfo"][];
            /**
             * Format: int64
             * @description The total number of buckets that match the conditions.
             *
             *     The English page types it `integer`; the Chinese page types it `long` and the TypeScript SDK
             *     `number`. Modelled as an integer of format `int64`, which JSON carries as a plain number.
             *
             * @example 1
             */
            TotalCount?: number;
        };
        /** @description RAM diagnostic details some access-denied responses carry (the official SDK parses it into
         *     `accessDeniedDetail`). Not documented on the API page; field names as returned by Alibaba Cloud
         *     RAM-integrated services. Open object: other fields may appear.
         *      */
        AccessDeniedDetail: {
            /** @description The RAM action that was evaluated, e.g. `ens:ListBuckets`. */
            AuthAction?: string;
            /** @description The identity type of the caller, e.g. `SubUser`, `AssumedRoleUser`, `Federated`. */
            AuthPrincipalType?: string;
            /** @description The Alibaba Cloud account ID that owns the calling identity. */
            AuthPrincipalOwnerId?: string;
            /** @description The calling identity. */
            AuthPrincipalDisplayName?: string;
            /** @description `ImplicitDeny` (no Allow statement) or `ExplicitDeny` (a Deny statement matched). */
            NoPermissionType?: string;
            /** @description The type of the policy that denied the request, e.g. `AccountLevelIdentityBasedPolicy`. */
            PolicyType?: string;
            /** @description Encoded diagnostic information; decode it with RAM `DecodeDiagnosticMessage`. */
            EncodedDiagnosticMessage?: string;
        };
        /** @description The Alibaba Cloud POP (RPC) JSON error body, returned with HTTP 4xx/5xx. `Recommend` is present on
         *     current gateway responses but absent from older documentation examples (which show only
         *     `RequestId`, `HostId`, `Code`, `Message`); `AccessDeniedDetail` appears on some access-denied
         *     responses. Not detailed on the API page, which lists only the HTTP status, error code and message
         *     ("See Error Codes for a complete list").
         *      */
        ErrorResponse: {
            /** @description The ID of the request. */
            RequestId: string;
            /** @description The host that served the request, e.g. `ens.aliyuncs.com`. */
            HostId?: string;
            /** @description The error code, e.g. `MissingParameter`, `InvalidParameter.%s` (with `%s` replaced by the field name), `Throttling.User`. */
            Code: string;
            /** @description The error message. */
            Message: string;
            /**
             * Format: uri
             * @description A link to the OpenAPI troubleshooting page for this error.
             */
            Recommend?: string;
            AccessDeniedDetail?: components["schemas"]["AccessDeniedDetail"];
        };
    };
    responses: {
        /** @description The buckets of the user that match the conditions. */
        ListBucketsOk: {
            headers: {
                "x-acs-request-id": components["headers"]["RequestId"];
                /** @description Gateway trace ID, present on real Alibaba Cloud POP responses (not documented on the API page). */
                "x-acs-trace-id"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ListBucketsResponse"];
            };
        };
        /** @description Bad request. Error codes from the API page: `MissingParameter`, `NoPermission`,
         *     `InvalidParameter.%s`. ENS returns HTTP 400 for many business errors; historically the gateway also
         *     returned throttling (`Throttling`, `Throttling.User`) as HTTP 400. The POP gateway answers
         *     authentication errors with 400 too: a disabled AccessKey, a signature mismatch, a request time outside
         *     the 15-minute window, a replayed nonce, an expired or malformed STS token.
         *      */
        BadRequest: {
            headers: {
                "x-acs-request-id": components["headers"]["RequestId"];
                /** @description Gateway trace ID, present on real Alibaba Cloud POP responses (not documented on the API page). */
                "x-acs-trace-id"?: string;
                /** @description Set by the gateway on throttled (and some other 4xx/5xx) responses: how long to wait before
                 *     retrying, in milliseconds (the unit is not documented; the official SDK passes the value on as its
                 *     retry delay, and bucketry reads it as milliseconds). The official SDK treats any 4xx/5xx carrying a positive `x-acs-retry-after` as a
                 *     throttling error and uses the value as its retry delay.
                 *      */
                "x-acs-retry-after"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Forbidden. Error codes from the API page: `AccessDenied`, `UserDisable`. */
        Forbidden: {
            headers: {
                "x-acs-request-id": components["headers"]["RequestId"];
                /** @description Gateway trace ID, present on real Alibaba Cloud POP responses (not documented on the API page). */
                "x-acs-trace-id"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Not found. Error code from the API page: `NoSuchBucket`; the POP gateway's `InvalidAccessKeyId.NotFound` (unknown AccessKey ID). */
        NotFound: {
            headers: {
                "x-acs-request-id": components["headers"]["RequestId"];
                /** @description Gateway trace ID, present on real Alibaba Cloud POP responses (not documented on the API page). */
                "x-acs-trace-id"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Throttled (not on the API page; common Alibaba Cloud gateway behaviour). Throttling is per account
         *     (UID), not per AccessKey. Codes: `Throttling.User` ("Request was denied due to user flow control."),
         *     `Throttling.Api` ("Request was denied due to api flow control."), `Throttling`. Older gateways send
         *     the same codes with HTTP 400. Wait `x-acs-retry-after` before retrying when present.
         *      */
        TooManyRequests: {
            headers: {
                "x-acs-request-id": components["headers"]["RequestId"];
                /** @description Gateway trace ID, present on real Alibaba Cloud POP responses (not documented on the API page). */
                "x-acs-trace-id"?: string;
                /** @description Set by the gateway on throttled (and some other 4xx/5xx) responses: how long to wait before
                 *     retrying, in milliseconds (the unit is not documented; the official SDK passes the value on as its
                 *     retry delay, and bucketry reads it as milliseconds). The official SDK treats any 4xx/5xx carrying a positive `x-acs-retry-after` as a
                 *     throttling error and uses the value as its retry delay.
                 *      */
                "x-acs-retry-after"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Internal server error (not on the API page; common Alibaba Cloud gateway code `InternalError`). Retryable. */
        InternalError: {
            headers: {
                "x-acs-request-id": components["headers"]["RequestId"];
                /** @description Gateway trace ID, present on real Alibaba Cloud POP responses (not documented on the API page). */
                "x-acs-trace-id"?: string;
                /** @description Set by the gateway on throttled (and some other 4xx/5xx) responses: how long to wait before
                 *     retrying, in milliseconds (the unit is not documented; the official SDK passes the value on as its
                 *     retry delay, and bucketry reads it as milliseconds). The official SDK treats any 4xx/5xx carrying a positive `x-acs-retry-after` as a
                 *     throttling error and uses the value as its retry delay.
                 *      */
                "x-acs-retry-after"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Service unavailable (not on the API page; common Alibaba Cloud gateway code `ServiceUnavailable`). Retryable. */
        ServiceUnavailable: {
            headers: {
                "x-acs-request-id": components["headers"]["RequestId"];
                /** @description Gateway trace ID, present on real Alibaba Cloud POP responses (not documented on the API page). */
                "x-acs-trace-id"?: string;
                /** @description Set by the gateway on throttled (and some other 4xx/5xx) responses: how long to wait before
                 *     retrying, in milliseconds (the unit is not documented; the official SDK passes the value on as its
                 *     retry delay, and bucketry reads it as milliseconds). The official SDK treats any 4xx/5xx carrying a positive `x-acs-retry-after` as a
                 *     throttling error and uses the value as its retry delay.
                 *      */
                "x-acs-retry-after"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /**
         * @description The operation to perform. Required common RPC parameter; for this operation the value is always
         *     `ListBuckets`. (With signature V3 the SDK carries the same value in the `x-acs-action` header.)
         *
         * @example ListBuckets
         */
        Action: "ListBuckets";
        /**
         * @description The API version. Required common RPC parameter; for ENS the value is always `2017-11-10`.
         *     (With signature V3 the SDK carries the same value in the `x-acs-version` header.)
         *
         * @example 2017-11-10
         */
        Version: "2017-11-10";
        /** @description The prefix that returned bucket names must contain. If this parameter is not specified, prefix information will not be used as a filter. */
        Prefix: string;
        /** @description The page number. Pages start from page 1.
         *
         *     Type note: the API page (and the official SDK model) types `PageNumber` as **string** holding a
         *     number (example `1`), while callers commonly pass a number. Both serialize to the same query
         *     string, so the schema accepts an integer ≥ 1 or a string of decimal digits without a leading zero
         *     (`string | number` in TypeScript).
         *      */
        PageNumber: number | string;
        /** @description The maximum number of returned buckets. You can leave this parameter empty. The default value is 10. The value cannot be greater than 100.
         *
         *     Type note: the API page (and the official SDK model) types `PageSize` as **string** holding a
         *     number (example `5`), while callers commonly pass a number. Both serialize to the same query
         *     string, so the schema accepts an integer 1–100 or a decimal string `"1"`–`"100"`
         *     (`string | number` in TypeScript); `default: 10` and `maximum: 100` apply to the numeric form and
         *     the `pattern` enforces the same range on the string form.
         *      */
        PageSize: number | string;
        /**
         * @description Common RPC parameter: the response format, `JSON` or `XML` (XML when neither this nor
         *     `Accept: application/json` asks for JSON). Signed V3 requests from the official SDK carry no `Format` and
         *     ask for JSON through `Accept`; its anonymous requests send `Format=json`, hence the lower-case values. This
         *     spec documents only the JSON response.
         *
         * @example JSON
         */
        Format: "JSON" | "XML" | "json" | "xml";
        /**
         * @description Common RPC parameter, signature V2 only (required when signing with V2; not sent with V3). The AccessKey ID.
         * @example LTAI****************
         */
        AccessKeyId: string;
        /**
         * @description Common RPC parameter, signature V2 only (required when signing with V2). The signature algorithm, `HMAC-SHA1`.
         * @example HMAC-SHA1
         */
        SignatureMethod: "HMAC-SHA1";
        /**
         * @description Common RPC parameter, signature V2 only (required when signing with V2). The request time in
         *     ISO 8601, UTC, `yyyy-MM-ddTHH:mm:ssZ` (no milliseconds).
         *
         * @example 2022-10-12T05:45:00Z
         */
        Timestamp: string;
        /**
         * @description Common RPC parameter, signature V2 only (required when signing with V2). The signature version, `1.0`.
         * @example 1.0
         */
        SignatureVersion: "1.0";
        /**
         * @description Common RPC parameter, signature V2 only (required when signing with V2). A unique random value per
         *     request (a UUID is recommended) that prevents replay attacks.
         *
         * @example 3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf
         */
        SignatureNonce: string;
        /** @description Common RPC parameter, signature V2 only. The STS security token, sent when signing with temporary STS credentials. */
        SecurityToken: string;
        /**
         * @description Signature V3 header (signed). The API operation, `ListBuckets`; required when signing with ACS3-HMAC-SHA256.
         * @example ListBuckets
         */
        XAcsAction: "ListBuckets";
        /**
         * @description Signature V3 header (signed). The API version, `2017-11-10`; required when signing with ACS3-HMAC-SHA256.
         * @example 2017-11-10
         */
        XAcsVersion: "2017-11-10";
        /**
         * @description Signature V3 header (signed). The request time, ISO 8601 UTC `yyyy-MM-ddTHH:mm:ssZ`; required when signing with ACS3-HMAC-SHA256.
         * @example 2022-10-12T05:45:00Z
         */
        XAcsDate: string;
        /**
         * @description Signature V3 header (signed). A unique random value per request that prevents replay attacks; required when signing with ACS3-HMAC-SHA256.
         * @example 3156853299f313e23d1673dc12e1703d
         */
        XAcsSignatureNonce: string;
        /**
         * @description Signature V3 header (signed). Lower-case hex SHA-256 of the request body; for the empty body of
         *     `ListBuckets` it is `e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855`.
         *
         * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
         */
        XAcsContentSha256: string;
        /** @description Signature V3 header (signed). The STS security token, sent when signing with temporary STS credentials. */
        XAcsSecurityToken: string;
        /** @description Signature V3 header (signed). The AccessKey ID of temporary STS credentials, sent beside
         *     `x-acs-security-token` (the official SDK's `doRequest` sets both).
         *      */
        XAcsAccesskeyId: string;
        /**
         * @description `application/json` asks for the JSON answer this spec documents. Not on the page: without it, or
         *     `Format=JSON`, ENS answers XML. The official SDK sends `accept: application/json` on every V3 request.
         *
         * @example application/json
         */
        Accept: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description The ID of the request, set by the Alibaba Cloud API gateway on every response; the same value as
         *     the body's `RequestId`.
         *
         * @example 435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853
         */
        RequestId: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ListBucketsByGet: {
        parameters: {
            query: {
                /**
                 * @description The operation to perform. Required common RPC parameter; for this operation the value is always
                 *     `ListBuckets`. (With signature V3 the SDK carries the same value in the `x-acs-action` header.)
                 *
                 * @example ListBuckets
                 */
                Action: components["parameters"]["Action"];
                /**
                 * @description The API version. Required common RPC parameter; for ENS the value is always `2017-11-10`.
                 *     (With signature V3 the SDK carries the same value in the `x-acs-version` header.)
                 *
                 * @example 2017-11-10
                 */
                Version: components["parameters"]["Version"];
                /** @description The prefix that returned bucket names must contain. If this parameter is not specified, prefix information will not be used as a filter. */
                Prefix?: components["parameters"]["Prefix"];
                /** @description The page number. Pages start from page 1.
                 *
                 *     Type note: the API page (and the official SDK model) types `PageNumber` as **string** holding a
                 *     number (example `1`), while callers commonly pass a number. Both serialize to the same query
                 *     string, so the schema accepts an integer ≥ 1 or a string of decimal digits without a leading zero
                 *     (`string | number` in TypeScript).
                 *      */
                PageNumber?: components["parameters"]["PageNumber"];
                /** @description The maximum number of returned buckets. You can leave this parameter empty. The default value is 10. The value cannot be greater than 100.
                 *
                 *     Type note: the API page (and the official SDK model) types `PageSize` as **string** holding a
                 *     number (example `5`), while callers commonly pass a number. Both serialize to the same query
                 *     string, so the schema accepts an integer 1–100 or a decimal string `"1"`–`"100"`
                 *     (`string | number` in TypeScript); `default: 10` and `maximum: 100` apply to the numeric form and
                 *     the `pattern` enforces the same range on the string form.
                 *      */
                PageSize?: components["parameters"]["PageSize"];
                /**
                 * @description Common RPC parameter: the response format, `JSON` or `XML` (XML when neither this nor
                 *     `Accept: application/json` asks for JSON). Signed V3 requests from the official SDK carry no `Format` and
                 *     ask for JSON through `Accept`; its anonymous requests send `Format=json`, hence the lower-case values. This
                 *     spec documents only the JSON response.
                 *
                 * @example JSON
                 */
                Format?: components["parameters"]["Format"];
                /**
                 * @description Common RPC parameter, signature V2 only (required when signing with V2; not sent with V3). The AccessKey ID.
                 * @example LTAI****************
                 */
                AccessKeyId?: components["parameters"]["AccessKeyId"];
                /**
                 * @description Common RPC parameter, signature V2 only (required when signing with V2). The signature algorithm, `HMAC-SHA1`.
                 * @example HMAC-SHA1
                 */
                SignatureMethod?: components["parameters"]["SignatureMethod"];
                /**
                 * @description Common RPC parameter, signature V2 only (required when signing with V2). The request time in
                 *     ISO 8601, UTC, `yyyy-MM-ddTHH:mm:ssZ` (no milliseconds).
                 *
                 * @example 2022-10-12T05:45:00Z
                 */
                Timestamp?: components["parameters"]["Timestamp"];
                /**
                 * @description Common RPC parameter, signature V2 only (required when signing with V2). The signature version, `1.0`.
                 * @example 1.0
                 */
                SignatureVersion?: components["parameters"]["SignatureVersion"];
                /**
                 * @description Common RPC parameter, signature V2 only (required when signing with V2). A unique random value per
                 *     request (a UUID is recommended) that prevents replay attacks.
                 *
                 * @example 3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf
                 */
                SignatureNonce?: components["parameters"]["SignatureNonce"];
                /** @description Common RPC parameter, signature V2 only. The STS security token, sent when signing with temporary STS credentials. */
                SecurityToken?: components["parameters"]["SecurityToken"];
            };
            header?: {
                /**
                 * @description Signature V3 header (signed). The API operation, `ListBuckets`; required when signing with ACS3-HMAC-SHA256.
                 * @example ListBuckets
                 */
                "x-acs-action"?: components["parameters"]["XAcsAction"];
                /**
                 * @description Signature V3 header (signed). The API version, `2017-11-10`; required when signing with ACS3-HMAC-SHA256.
                 * @example 2017-11-10
                 */
                "x-acs-version"?: components["parameters"]["XAcsVersion"];
                /**
                 * @description Signature V3 header (signed). The request time, ISO 8601 UTC `yyyy-MM-ddTHH:mm:ssZ`; required when signing with ACS3-HMAC-SHA256.
                 * @example 2022-10-12T05:45:00Z
                 */
                "x-acs-date"?: components["parameters"]["XAcsDate"];
                /**
                 * @description Signature V3 header (signed). A unique random value per request that prevents replay attacks; required when signing with ACS3-HMAC-SHA256.
                 * @example 3156853299f313e23d1673dc12e1703d
                 */
                "x-acs-signature-nonce"?: components["parameters"]["XAcsSignatureNonce"];
                /**
                 * @description Signature V3 header (signed). Lower-case hex SHA-256 of the request body; for the empty body of
                 *     `ListBuckets` it is `e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855`.
                 *
                 * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                 */
                "x-acs-content-sha256"?: components["parameters"]["XAcsContentSha256"];
                /** @description Signature V3 header (signed). The STS security token, sent when signing with temporary STS credentials. */
                "x-acs-security-token"?: components["parameters"]["XAcsSecurityToken"];
                /** @description Signature V3 header (signed). The AccessKey ID of temporary STS credentials, sent beside
                 *     `x-acs-security-token` (the official SDK's `doRequest` sets both).
                 *      */
                "x-acs-accesskey-id"?: components["parameters"]["XAcsAccesskeyId"];
                /**
                 * @description `application/json` asks for the JSON answer this spec documents. Not on the page: without it, or
                 *     `Format=JSON`, ENS answers XML. The official SDK sends `accept: application/json` on every V3 request.
                 *
                 * @example application/json
                 */
                Accept?: components["parameters"]["Accept"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ListBucketsOk"];
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    ListBuckets: {
        parameters: {
            query: {
                /**
                 * @description The operation to perform. Required common RPC parameter; for this operation the value is always
                 *     `ListBuckets`. (With signature V3 the SDK carries the same value in the `x-acs-action` header.)
                 *
                 * @example ListBuckets
                 */
                Action: components["parameters"]["Action"];
                /**
                 * @description The API version. Required common RPC parameter; for ENS the value is always `2017-11-10`.
                 *     (With signature V3 the SDK carries the same value in the `x-acs-version` header.)
                 *
                 * @example 2017-11-10
                 */
                Version: components["parameters"]["Version"];
                /** @description The prefix that returned bucket names must contain. If this parameter is not specified, prefix information will not be used as a filter. */
                Prefix?: components["parameters"]["Prefix"];
                /** @description The page number. Pages start from page 1.
                 *
                 *     Type note: the API page (and the official SDK model) types `PageNumber` as **string** holding a
                 *     number (example `1`), while callers commonly pass a number. Both serialize to the same query
                 *     string, so the schema accepts an integer ≥ 1 or a string of decimal digits without a leading zero
                 *     (`string | number` in TypeScript).
                 *      */
                PageNumber?: components["parameters"]["PageNumber"];
                /** @description The maximum number of returned buckets. You can leave this parameter empty. The default value is 10. The value cannot be greater than 100.
                 *
                 *     Type note: the API page (and the official SDK model) types `PageSize` as **string** holding a
                 *     number (example `5`), while callers commonly pass a number. Both serialize to the same query
                 *     string, so the schema accepts an integer 1–100 or a decimal string `"1"`–`"100"`
                 *     (`string | number` in TypeScript); `default: 10` and `maximum: 100` apply to the numeric form and
                 *     the `pattern` enforces the same range on the string form.
                 *      */
                PageSize?: components["parameters"]["PageSize"];
                /**
                 * @description Common RPC parameter: the response format, `JSON` or `XML` (XML when neither this nor
                 *     `Accept: application/json` asks for JSON). Signed V3 requests from the official SDK carry no `Format` and
                 *     ask for JSON through `Accept`; its anonymous requests send `Format=json`, hence the lower-case values. This
                 *     spec documents only the JSON response.
                 *
                 * @example JSON
                 */
                Format?: components["parameters"]["Format"];
                /**
                 * @description Common RPC parameter, signature V2 only (required when signing with V2; not sent with V3). The AccessKey ID.
                 * @example LTAI****************
                 */
                AccessKeyId?: components["parameters"]["AccessKeyId"];
                /**
                 * @description Common RPC parameter, signature V2 only (required when signing with V2). The signature algorithm, `HMAC-SHA1`.
                 * @example HMAC-SHA1
                 */
                SignatureMethod?: components["parameters"]["SignatureMethod"];
                /**
                 * @description Common RPC parameter, signature V2 only (required when signing with V2). The request time in
                 *     ISO 8601, UTC, `yyyy-MM-ddTHH:mm:ssZ` (no milliseconds).
                 *
                 * @example 2022-10-12T05:45:00Z
                 */
                Timestamp?: components["parameters"]["Timestamp"];
                /**
                 * @description Common RPC parameter, signature V2 only (required when signing with V2). The signature version, `1.0`.
                 * @example 1.0
                 */
                SignatureVersion?: components["parameters"]["SignatureVersion"];
                /**
                 * @description Common RPC parameter, signature V2 only (required when signing with V2). A unique random value per
                 *     request (a UUID is recommended) that prevents replay attacks.
                 *
                 * @example 3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf
                 */
                SignatureNonce?: components["parameters"]["SignatureNonce"];
                /** @description Common RPC parameter, signature V2 only. The STS security token, sent when signing with temporary STS credentials. */
                SecurityToken?: components["parameters"]["SecurityToken"];
            };
            header?: {
                /**
                 * @description Signature V3 header (signed). The API operation, `ListBuckets`; required when signing with ACS3-HMAC-SHA256.
                 * @example ListBuckets
                 */
                "x-acs-action"?: components["parameters"]["XAcsAction"];
                /**
                 * @description Signature V3 header (signed). The API version, `2017-11-10`; required when signing with ACS3-HMAC-SHA256.
                 * @example 2017-11-10
                 */
                "x-acs-version"?: components["parameters"]["XAcsVersion"];
                /**
                 * @description Signature V3 header (signed). The request time, ISO 8601 UTC `yyyy-MM-ddTHH:mm:ssZ`; required when signing with ACS3-HMAC-SHA256.
                 * @example 2022-10-12T05:45:00Z
                 */
                "x-acs-date"?: components["parameters"]["XAcsDate"];
                /**
                 * @description Signature V3 header (signed). A unique random value per request that prevents replay attacks; required when signing with ACS3-HMAC-SHA256.
                 * @example 3156853299f313e23d1673dc12e1703d
                 */
                "x-acs-signature-nonce"?: components["parameters"]["XAcsSignatureNonce"];
                /**
                 * @description Signature V3 header (signed). Lower-case hex SHA-256 of the request body; for the empty body of
                 *     `ListBuckets` it is `e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855`.
                 *
                 * @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                 */
                "x-acs-content-sha256"?: components["parameters"]["XAcsContentSha256"];
                /** @description Signature V3 header (signed). The STS security token, sent when signing with temporary STS credentials. */
                "x-acs-security-token"?: components["parameters"]["XAcsSecurityToken"];
                /** @description Signature V3 header (signed). The AccessKey ID of temporary STS credentials, sent beside
                 *     `x-acs-security-token` (the official SDK's `doRequest` sets both).
                 *      */
                "x-acs-accesskey-id"?: components["parameters"]["XAcsAccesskeyId"];
                /**
                 * @description `application/json` asks for the JSON answer this spec documents. Not on the page: without it, or
                 *     `Format=JSON`, ENS answers XML. The official SDK sends `accept: application/json` on every V3 request.
                 *
                 * @example application/json
                 */
                Accept?: components["parameters"]["Accept"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ListBucketsOk"];
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
