// generated from specs/baidu-bos.yaml by scripts/generate-clients.mjs (openapi-typescript); do not edit.
// Change the spec and run `npm run generate`; `npm test` fails when this file is stale.

export interface paths {
    "/v1/{bucketName}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Access Permission for a Bucket
         * @description This API retrieves a bucket’s access permissions.
         *
         *     Request URI on the page: `GET /v1/{bucketName}/?acl` (path style). The page's request example:
         *
         *     ```
         *     GET /v1/bucketName_example/?acl
         *      <Common request headers>
         *     { }
         *     ```
         *
         *     The page documents no request body fields; the `{ }` shown in its request example is not needed and no
         *     body is modelled.
         *
         *     Modelling notes:
         *     - A `?` cannot appear in an OpenAPI path key, so the sub-resource `acl` is modelled as the required,
         *       empty-valued query parameter `acl` (`?acl` and `?acl=` are equivalent for BOS; both sign as `acl=`).
         *     - The page writes a trailing slash before `?acl` (`/v1/{bucketName}/`); this path is written without it
         *       because OpenAPI tooling (rule `no-path-trailing-slash`) rejects trailing slashes. BOS accepts both
         *       `/v1/{bucketName}?acl` and `/v1/{bucketName}/?acl` (both forms appear in BOS documentation); the SDKs
         *       used to send `/v1/{bucketName}?acl` and now send `/{bucketName}?acl` when path style is forced.
         *     - REALITY: buckets created on or after 2024-06-01 do not support path-style requests on the official
         *       `*.bcebos.com` domains; use `GetBucketAclVirtualHosted` (same responses) for them.
         *     - `Host` must be `{region}.bcebos.com` here (set by the HTTP client from the server URL) and is signed.
         *
         */
        get: operations["GetBucketAcl"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Access Permission for a Bucket (virtual-hosted style)
         * @description This API retrieves a bucket’s access permissions — the same operation as `GetBucketAcl`, sent in the
         *     virtual-hosted style: `GET /?acl` with `Host: {bucketName}.{region}.bcebos.com`.
         *
         *     Not on the page (which only shows the path-style URI). BOS recommends this style, the official SDKs use
         *     it by default, and buckets created on or after 2024-06-01 support only this style on the official
         *     domains. Responses are identical to `GetBucketAcl`.
         *
         *     The bucket name is part of the host (server variable `bucketName`), not of the path; the `Host` header
         *     is signed, so the signature must be computed for the virtual-hosted host and the canonical URI `/`.
         *
         */
        get: operations["GetBucketAclVirtualHosted"];
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
        /** @description Response body of Get Access Permission for a Bucket. */
        GetBucketAclResponse: {
            /** @description Bucket owner information */
            owner: components["schemas"]["Owner"];
            /** @description Container for storing ACL */
            accessControlList: components["schemas"]["Grant"][];
        };
        /** @description Bucket owner information (the page's "Owner" data structure; only `id`, no display name). */
        Owner: {
            /**
             * @description Owner user ID
             * @example 16df583fe6824d73a5f858f06de0af03
             */
            id: string;
        };
        /** @description One entry of the ACL (the page's "AccessControlList" data structure; `GrantType` in the official Go
         *     SDK). `grantee` and `permission` are lists — the page's example repeats entries in both lists, which
         *     is valid. Besides the page's two fields, the official SDK model carries the optional fields
         *     `resource`, `notResource`, `condition` and `effect` (used by bucket ACLs written with them).
         *      */
        Grant: {
            /** @description An authorized person */
            grantee: components["schemas"]["Grantee"][];
            /**
             * @description Permissions include: FULL_CONTROL, READ, WRITE, LIST, MODIFY, GetObject, PutObject, DeleteObject,
             *     RestoreObject, etc.
             *
             *     The list on the page is open-ended ("etc."), so any string is accepted; `Permission` names the
             *     documented values.
             *
             * @example [
             *       "FULL_CONTROL",
             *       "FULL_CONTROL"
             *     ]
             */
            permission: (components["schemas"]["Permission"] | string)[];
            /** @description Resources (the bucket, or objects/prefixes in it, e.g. `bucket/prefix*`) the entry applies to.
             *     Optional; from the official SDK model, not on the page.
             *      */
            resource?: string[];
            /** @description Resources the entry does not apply to. Optional; from the official SDK model, not on the page. */
            notResource?: string[];
            /** @description Conditions under which the entry applies. Optional; from the official SDK model, not on the page. */
            condition?: components["schemas"]["AclCondition"];
            /**
             * @description Whether the entry allows or denies the permissions (`Allow` or `Deny`). Optional; from the official
             *     SDK model, not on the page.
             *
             * @example Allow
             * @example Deny
             */
            effect?: string;
        };
        /** @description An authorized person (the page's "Grantee" data structure). */
        Grantee: {
            /**
             * @description Authorized user ID. The value `*` means all users (public access).
             * @example 10eb6f5ff6ff4605bf044313e8f3ffa5
             * @example *
             */
            id: string;
        };
        /**
         * @description Permission values listed on the page (Permissions include: FULL_CONTROL, READ, WRITE, LIST, MODIFY,
         *     GetObject, PutObject, DeleteObject, RestoreObject, etc.). The list is open-ended, so a `Grant`'s
         *     `permission` items accept any other string as well.
         *
         * @enum {string}
         */
        Permission: "FULL_CONTROL" | "READ" | "WRITE" | "LIST" | "MODIFY" | "GetObject" | "PutObject" | "DeleteObject" | "RestoreObject";
        /** @description Conditions of an ACL entry (from the official SDK model; not on the page). All fields optional; BOS may
         *     add more condition kinds.
         *      */
        AclCondition: {
            /** @description Client IP addresses or CIDR ranges allowed. */
            ipAddress?: string[];
            /** @description Client IP addresses or CIDR ranges excluded. */
            notIpAddress?: string[];
            /** @description Referer restriction. */
            referer?: components["schemas"]["AclRefererCondition"];
            /** @description Whether the request must use HTTPS. */
            secureTransport?: boolean;
            /** @description Time window of the entry (e.g. `dateLessThan`, `dateGreaterThan`). */
            currentTime?: {
                /** @description The entry applies before this time. */
                dateLessThan?: string;
                /** @description The entry applies after this time. */
                dateGreaterThan?: string;
                /** @description The entry applies up to and including this time. */
                dateLessThanEquals?: string;
                /** @description The entry applies from this time on. */
                dateGreaterThanEquals?: string;
            } & {
                [key: string]: unknown;
            };
            /** @description User-Agent restriction (bce-sdk-go `AclUserAgentType`). */
            userAgent?: {
                /** @description User-Agent patterns allowed (`*` wildcards). */
                stringLike?: string[];
                /** @description User-Agent values allowed exactly. */
                stringEquals?: string[];
            } & {
                [key: string]: unknown;
            };
            /** @description VPC IDs the request must come from. */
            vpcId?: string[];
        };
        /** @description Referer restriction of an ACL entry (from the official SDK model). */
        AclRefererCondition: {
            /** @description Referer patterns (wildcards allowed). */
            stringLike?: string[];
            /** @description Exact referer values. */
            stringEquals?: string[];
        };
        /** @description BOS error body ("Please refer to the general error codes" on the page). Official SDKs synthesise a code
         *     from the HTTP status when the body is not JSON.
         *      */
        ErrorResponse: {
            /**
             * @description Error code — the specific error type (e.g. `AccessDenied`, `NoSuchBucket`).
             * @example NoSuchBucket
             */
            code: string;
            /** @description Detailed description of the error. */
            message: string;
            /** @description ID of the request that caused the error (same as the `x-bce-request-id` response header). Some
             *     documentation examples show it with a leading space; trim before comparing.
             *      */
            requestId: string;
        };
    };
    responses: {
        /** @description The bucket's owner and access control list (`HTTP/1.1 200 OK` with the common response headers, e.g.
         *     `Server: BceBos`, `x-bce-request-id`, `x-bce-debug-id`).
         *      */
        GetBucketAclOk: {
            headers: {
                "x-bce-request-id": components["headers"]["XBceRequestId"];
                "x-bce-debug-id": components["headers"]["XBceDebugId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GetBucketAclResponse"];
            };
        };
        /** @description Bad request. The page refers to the general error codes; these are the common ones for this request.
         *     (`RequestExpired`: 400 Bad Request in the BCE common error-code table,
         *     https://cloud.baidu.com/doc/Reference/s/Bjz3uz3qj. `SignatureDoesNotMatch`: taken to be 400 like the
         *     table's `InvalidHTTPAuthHeader`; no source seen here states its status.)
         *      */
        BadRequest: {
            headers: {
                "x-bce-request-id": components["headers"]["XBceRequestId"];
                "x-bce-debug-id": components["headers"]["XBceDebugId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Access denied. The page refers to the general error codes; these are the common ones for this request. */
        Forbidden: {
            headers: {
                "x-bce-request-id": components["headers"]["XBceRequestId"];
                "x-bce-debug-id": components["headers"]["XBceDebugId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Not found. The page refers to the general error codes; these are the common ones for this request. */
        NotFound: {
            headers: {
                "x-bce-request-id": components["headers"]["XBceRequestId"];
                "x-bce-debug-id": components["headers"]["XBceDebugId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Precondition failed. The page refers to the general error codes. */
        PreconditionFailed: {
            headers: {
                "x-bce-request-id": components["headers"]["XBceRequestId"];
                "x-bce-debug-id": components["headers"]["XBceDebugId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Internal error; retry with backoff. The page refers to the general error codes. */
        InternalError: {
            headers: {
                "x-bce-request-id": components["headers"]["XBceRequestId"];
                "x-bce-debug-id": components["headers"]["XBceDebugId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The request rate is over the limit (BOS error-code page, https://cloud.baidu.com/doc/BOS/s/Ajwvysfpl;
         *     not on the API page). Retry after a delay (`Retry-After` when present).
         *      */
        TooManyRequests: {
            headers: {
                "x-bce-request-id": components["headers"]["XBceRequestId"];
                "x-bce-debug-id": components["headers"]["XBceDebugId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The service is temporarily unavailable; retry with backoff (BOS error-code page, https://cloud.baidu.com/doc/BOS/s/Ajwvysfpl). */
        ServiceUnavailable: {
            headers: {
                "x-bce-request-id": components["headers"]["XBceRequestId"];
                "x-bce-debug-id": components["headers"]["XBceDebugId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /** @description Bucket name */
        BucketName: string;
        /** @description Selects the bucket's ACL sub-resource (`?acl` in the page's URI). It has no value: send it empty
         *     (`?acl` or `?acl=`).
         *      */
        Acl: "";
        /** @description Request time (common request header), ISO 8601 in UTC, e.g. `2015-04-27T08:23:49Z`. The standard `Date`
         *     header may be used instead; `x-bce-date` wins when both are sent. It is signed, and a time too far from
         *     the server's clock fails with `RequestExpired`. The official SDKs always send it.
         *      */
        XBceDate: string;
        /** @description Session token of STS temporary credentials (common request header); required, and signed, when the
         *     request is signed with temporary credentials.
         *      */
        XBceSecurityToken: string;
    };
    requestBodies: never;
    headers: {
        /** @description Unique ID of the request, created by BOS (common response header). The error body repeats it as
         *     `requestId`.
         *      */
        XBceRequestId: string;
        /** @description ID created by BOS to help troubleshooting (common response header); quote it in support tickets.
         *      */
        XBceDebugId: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    GetBucketAcl: {
        parameters: {
            query: {
                /** @description Selects the bucket's ACL sub-resource (`?acl` in the page's URI). It has no value: send it empty
                 *     (`?acl` or `?acl=`).
                 *      */
                acl: components["parameters"]["Acl"];
            };
            header?: {
                /** @description Request time (common request header), ISO 8601 in UTC, e.g. `2015-04-27T08:23:49Z`. The standard `Date`
                 *     header may be used instead; `x-bce-date` wins when both are sent. It is signed, and a time too far from
                 *     the server's clock fails with `RequestExpired`. The official SDKs always send it.
                 *      */
                "x-bce-date"?: components["parameters"]["XBceDate"];
                /** @description Session token of STS temporary credentials (common request header); required, and signed, when the
                 *     request is signed with temporary credentials.
                 *      */
                "x-bce-security-token"?: components["parameters"]["XBceSecurityToken"];
            };
            path: {
                /** @description Bucket name */
                bucketName: components["parameters"]["BucketName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["GetBucketAclOk"];
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    GetBucketAclVirtualHosted: {
        parameters: {
            query: {
                /** @description Selects the bucket's ACL sub-resource (`?acl` in the page's URI). It has no value: send it empty
                 *     (`?acl` or `?acl=`).
                 *      */
                acl: components["parameters"]["Acl"];
            };
            header?: {
                /** @description Request time (common request header), ISO 8601 in UTC, e.g. `2015-04-27T08:23:49Z`. The standard `Date`
                 *     header may be used instead; `x-bce-date` wins when both are sent. It is signed, and a time too far from
                 *     the server's clock fails with `RequestExpired`. The official SDKs always send it.
                 *      */
                "x-bce-date"?: components["parameters"]["XBceDate"];
                /** @description Session token of STS temporary credentials (common request header); required, and signed, when the
                 *     request is signed with temporary credentials.
                 *      */
                "x-bce-security-token"?: components["parameters"]["XBceSecurityToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["GetBucketAclOk"];
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
