// generated from specs/huaweicloud-mpc.yaml by scripts/generate-clients.mjs (openapi-typescript); do not edit.
// Change the spec and run `npm run generate`; `npm test` fails when this file is stale.

export interface paths {
    "/v1/{project_id}/buckets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Querying Buckets
         * @description Queries the list of buckets in a specified region.
         *
         *     Example request (from the page): `GET https://{endpoint}/v1/{project_id}/buckets`
         *
         *     No query parameters and no request body.
         *
         *     Authentication: either token authentication (`X-Auth-Token`) or AK/SK authentication
         *     (`Authorization` + `X-Sdk-Date` + `X-Project-Id`, see the `aksk` security scheme).
         *
         *     Error bodies: MPC service errors are `{error_code, error_msg}` (see the 403 example); errors raised by
         *     the API Gateway in front of MPC add `request_id` (`APIGW.*` codes). MPC proxies the bucket listing to
         *     OBS and an OBS-style **XML** error body
         *     (`<Error><Code>AccessDenied</Code><Message>AWS authentication requires a valid Date or x-amz-date header</Message>…</Error>`)
         *     has been seen to pass through (huaweicloud/huaweicloud-sdk-python-v3#23, seen without `X-Sdk-Date`), so a
         *     client must tolerate non-JSON error bodies. The older Go SDK commented this operation as "for Console use
         *     only"; it is still documented and generated in all official SDKs.
         *
         */
        get: operations["ListAllBuckets"];
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
        /** @description Response body of Querying Buckets (status code 200). */
        ListAllBucketsResponse: {
            /** @description Bucket list
             *
             *     Not marked required: the page gives no required column and the Go SDK declares it `omitempty`, so an
             *     answer without it is read as no buckets.
             *      */
            buckets?: components["schemas"]["ObsBucket"][];
        };
        /** @description An OBS bucket and whether MPC is authorized on it.
         *
         *     Only `bucket` is required here: a bucket without a name cannot be named in any call. The page gives no
         *     required column, and the official SDKs declare every field optional (Go `omitempty`, Node.js
         *     `creation_date?`).
         *      */
        ObsBucket: {
            /**
             * @description Bucket name
             * @example example-bucket
             */
            bucket: string;
            /**
             * @description Time when the bucket is created
             *
             *     Format `yyyyMMddHHmmss` (time zone not stated), e.g. `20221026152511`.
             *
             *     CONTRADICTION on the page: its parameter table types this field as String (and every official SDK
             *     declares it a string), but the page's own example response carries an unquoted JSON number
             *     (`"creation_date" : 20221026152511`). Both are accepted here (`string | number`); normalise to the
             *     14-digit string.
             *
             * @example 20221026152511
             * @example 20221026152511
             */
            creation_date?: string | number;
            /**
             * @description Authorization result
             *
             *     The value can be 0 or 1.
             *     - 0: MPC is not authorized.
             *     - 1: MPC has been authorized.
             *
             * @enum {integer}
             */
            is_authorized?: 0 | 1;
        };
        /** @description MPC error body (`error_code` like `MPC.10208`). When the error is raised by the API Gateway the body
         *     also carries `request_id` (see `ApiGatewayErrorResponse`).
         *      */
        ErrorResponse: {
            /**
             * @description Error code
             * @example MPC.10208
             */
            error_code: string;
            /**
             * @description Error description
             * @example Failed to verify the tenant ID.
             */
            error_msg: string;
            /** @description Request ID (present on errors raised by the API Gateway). */
            request_id?: string;
        };
        /** @description Error body of the Huawei Cloud API Gateway in front of MPC (`APIGW.*` codes), e.g. authentication
         *     failures (401) and throttling (429). Not on the page; documented by the API Gateway and handled by the
         *     official SDKs.
         *      */
        ApiGatewayErrorResponse: {
            /**
             * @description Error code
             * @example APIGW.0303
             */
            error_code: string;
            /** @description Error description */
            error_msg: string;
            /** @description Request ID (same value as the `X-Request-Id` response header). */
            request_id: string;
        };
    };
    responses: never;
    parameters: {
        /** @description Project ID. For details about how to obtain the project ID, see Obtaining a Project ID.
         *     (The page carries this same description twice, tagged `hc,hk` and `hcso,g42,cmcc` for its
         *     different cloud editions.)
         *      */
        ProjectId: string;
        /** @description User token
         *
         *     The token can be obtained by calling the IAM API used to obtain a user token. The value of
         *     X-Subject-Token in the response header is the user token.
         *      */
        XAuthToken: string;
        /** @description Project ID. This parameter is mandatory when AK/SK-based authentication is used. It is same as the
         *     project ID in path parameters.
         *
         *     The page spells this header `X-Project_Id` (underscore); the official SDKs send `X-Project-Id`
         *     (hyphen), and header names containing underscores are dropped by many proxies (nginx by default), so
         *     this is the spelling to send. The page's spelling is kept as the deprecated parameter `X-Project_Id`.
         *      */
        XProjectId: string;
        /**
         * @deprecated
         * @description Project ID, as spelled on the page ("This parameter is mandatory when AK/SK-based authentication is
         *     used. It is same as the project ID in path parameters."). Deprecated: send `X-Project-Id` instead —
         *     that is what the official SDKs send, and proxies such as nginx drop header names containing
         *     underscores by default.
         *
         */
        XProjectIdUnderscore: string;
        /** @description Time when the request is sent. This parameter is mandatory when AK/SK-based authentication is used.
         *
         *     Format `yyyyMMddTHHmmssZ` in UTC, e.g. `20191115T033655Z`. It must be within 15 minutes of the server
         *     clock (otherwise 401 `APIGW.0303`).
         *      */
        XSdkDate: string;
        /** @description Security token of temporary AK/SK credentials (STS). Not on the page; the official SDKs add it (and
         *     sign it) when temporary credentials are used.
         *      */
        XSecurityToken: string;
    };
    requestBodies: never;
    headers: {
        /** @description Request ID (format `request_id-timestamp-hostname`), returned on every response; quote it when
         *     contacting support. The SDKs read it as `x-request-id`.
         *      */
        XRequestId: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ListAllBuckets: {
        parameters: {
            query?: never;
            header?: {
                /** @description User token
                 *
                 *     The token can be obtained by calling the IAM API used to obtain a user token. The value of
                 *     X-Subject-Token in the response header is the user token.
                 *      */
                "X-Auth-Token"?: components["parameters"]["XAuthToken"];
                /** @description Project ID. This parameter is mandatory when AK/SK-based authentication is used. It is same as the
                 *     project ID in path parameters.
                 *
                 *     The page spells this header `X-Project_Id` (underscore); the official SDKs send `X-Project-Id`
                 *     (hyphen), and header names containing underscores are dropped by many proxies (nginx by default), so
                 *     this is the spelling to send. The page's spelling is kept as the deprecated parameter `X-Project_Id`.
                 *      */
                "X-Project-Id"?: components["parameters"]["XProjectId"];
                /**
                 * @deprecated
                 * @description Project ID, as spelled on the page ("This parameter is mandatory when AK/SK-based authentication is
                 *     used. It is same as the project ID in path parameters."). Deprecated: send `X-Project-Id` instead —
                 *     that is what the official SDKs send, and proxies such as nginx drop header names containing
                 *     underscores by default.
                 *
                 */
                "X-Project_Id"?: components["parameters"]["XProjectIdUnderscore"];
                /** @description Time when the request is sent. This parameter is mandatory when AK/SK-based authentication is used.
                 *
                 *     Format `yyyyMMddTHHmmssZ` in UTC, e.g. `20191115T033655Z`. It must be within 15 minutes of the server
                 *     clock (otherwise 401 `APIGW.0303`).
                 *      */
                "X-Sdk-Date"?: components["parameters"]["XSdkDate"];
                /** @description Security token of temporary AK/SK credentials (STS). Not on the page; the official SDKs add it (and
                 *     sign it) when temporary credentials are used.
                 *      */
                "X-Security-Token"?: components["parameters"]["XSecurityToken"];
            };
            path: {
                /** @description Project ID. For details about how to obtain the project ID, see Obtaining a Project ID.
                 *     (The page carries this same description twice, tagged `hc,hk` and `hcso,g42,cmcc` for its
                 *     different cloud editions.)
                 *      */
                project_id: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bucket list has been queried. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Total number of requests the flow control allows in its window (optional; the MPC SDK's model
                     *     comments list it as an integer). Inlined rather than `$ref`-ed so that generated clients type it
                     *     as optional.
                     *      */
                    "X-ratelimit"?: number;
                    /** @description Despite its name, the number of requests **remaining** in the current flow-control window (the MPC
                     *     SDK's model comments: 剩下请求数, an integer) (optional).
                     *      */
                    "X-ratelimit-used"?: number;
                    /** @description Flow-control unit (optional): minute, hour or day; hour when not stated (the MPC SDK's model comments). */
                    "X-ratelimit-window"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListAllBucketsResponse"];
                };
            };
            /** @description The request is invalid (generic client error, e.g. a malformed parameter). Not listed on the page,
             *     which only refers to the general MPC "Error Codes" page; the body is the MPC error body, or the API
             *     Gateway one (with `request_id`) when the gateway rejects the request.
             *      */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Authentication failed at the API Gateway (not listed on the page; documented by the Huawei Cloud API
             *     Gateway and handled by the official SDKs). `APIGW.0303` is returned when `X-Sdk-Date` differs from the
             *     server clock by more than 15 minutes.
             *      */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiGatewayErrorResponse"];
                };
            };
            /** @description The bucket list cannot be queried.
             *
             *     Besides the JSON body below, an OBS-style XML error (`Content-Type: application/xml`) may pass
             *     through from OBS (see the operation description).
             *      */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Throttled by the API Gateway (not listed on the page; documented by the Huawei Cloud API Gateway).
             *     Retry with exponential backoff and jitter.
             *      */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Total number of requests the flow control allows in its window (optional; the MPC SDK's model
                     *     comments list it as an integer). Inlined rather than `$ref`-ed so that generated clients type it
                     *     as optional.
                     *      */
                    "X-ratelimit"?: number;
                    /** @description Despite its name, the number of requests **remaining** in the current flow-control window (the MPC
                     *     SDK's model comments: 剩下请求数, an integer) (optional).
                     *      */
                    "X-ratelimit-used"?: number;
                    /** @description Flow-control unit (optional): minute, hour or day; hour when not stated (the MPC SDK's model comments). */
                    "X-ratelimit-window"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiGatewayErrorResponse"];
                };
            };
        };
    };
}
