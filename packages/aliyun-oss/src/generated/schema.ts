// generated from specs/aliyun-oss.yaml by scripts/generate-clients.mjs (openapi-typescript); do not edit.
// Change the spec and run `npm run generate`; `npm test` fails when this file is stale.

export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Query the ACL of a bucket
         * @description You can call this operation to query the ACL of a bucket. Only the bucket owner can query the ACL of the bucket.
         *
         *     Request syntax (as it must be sent — the page prints `GET /? acl` with a typo space):
         *
         *     ```
         *     GET /?acl HTTP/1.1
         *     Host: BucketName.oss-cn-hangzhou.aliyuncs.com
         *     Date: GMT Date
         *     Authorization: SignatureValue
         *     ```
         *
         *     `Authorization` is not a parameter here: it is produced by one of the two security schemes
         *     (`OSS4-HMAC-SHA256` or the legacy `OSS AccessKeyId:Signature`). The official Go SDK v2 also sends
         *     `Content-Type: application/xml` on this `GET`; with V1 signing the Content-Type value is part of the
         *     string to sign.
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description The ACL for the bucket.
         *
         *     Valid values: private, public-read, and public-read-write.
         *
         *     (`default` — "inherit the bucket ACL" — is an object-only ACL value and never appears for a bucket.)
         *
         * @example public-read
         * @enum {string}
         */
        BucketAcl: "private" | "public-read" | "public-read-write";
        /** @description The container that contains the information about the bucket owner.
         *
         *     Parent node: AccessControlPolicy.
         *      */
        Owner: {
            /**
             * @description The user ID of the bucket owner.
             *
             *     Parent node: AccessControlPolicy and Owner.
             *
             *     Keep it a string: IDs are numeric-looking but may have leading zeros (`0022012****`), which a
             *     number would lose.
             *
             * @example 0022012****
             */
            ID: string;
            /**
             * @description The name of the bucket owner, which is currently the same as the user ID.
             *
             *     Parent node: AccessControlPolicy and Owner.
             *
             *     Keep it a string for the same reason as `ID`.
             *
             * @example user_example
             */
            DisplayName: string;
        };
        /** @description The container that contains the ACL information.
         *
         *     Parent node: AccessControlPolicy.
         *      */
        AccessControlList: {
            /** @description The ACL for the bucket.
             *
             *     Valid values: private, public-read, and public-read-write.
             *
             *     Parent node: AccessControlPolicy and AccessControlList.
             *      */
            Grant: components["schemas"]["BucketAcl"];
        };
        /** @description The container that contains the result of the GetBucketACL request.
         *
         *     Parent node: none.
         *      */
        AccessControlPolicy: {
            Owner: components["schemas"]["Owner"];
            AccessControlList: components["schemas"]["AccessControlList"];
        };
        /** @description RAM diagnostic details some `AccessDenied` errors carry. Open object; other children may appear. */
        AccessDeniedDetail: {
            /** @description The evaluated action, e.g. `oss:GetBucketAcl`. */
            AuthAction?: string;
            /** @description The identity type of the caller, e.g. `SubUser`. */
            AuthPrincipalType?: string;
            /** @description The Alibaba Cloud account ID that owns the calling identity. */
            AuthPrincipalOwnerId?: string;
            /** @description The calling identity. */
            AuthPrincipalDisplayName?: string;
            /** @description `ImplicitDeny` or `ExplicitDeny`. */
            NoPermissionType?: string;
            /** @description The type of the policy that denied the request. */
            PolicyType?: string;
            /** @description Encoded diagnostic information; decode it with RAM `DecodeDiagnosticMessage`. */
            EncodedDiagnosticMessage?: string;
        };
        /** @description The OSS error body. OSS errors are always XML (`Content-Type: application/xml`) with root `<Error>`.
         *     `EC` and `RecommendDoc` appear on current responses (older documentation omits them); some errors add
         *     more children (e.g. `BucketName` on `NoSuchBucket`; `OSSAccessKeyId`, `SignatureProvided`,
         *     `StringToSign`, `StringToSignBytes` on `SignatureDoesNotMatch`; `RequestTime`, `ServerTime`,
         *     `MaxAllowedSkewMilliseconds` on `RequestTimeTooSkewed`). Open object: unknown children must be
         *     tolerated. Responses to `HEAD` have no body; OSS then sends the same XML base64-encoded in the
         *     `x-oss-err` header.
         *      */
        ErrorResponse: {
            /** @description The error code, e.g. `NoSuchBucket`, `AccessDenied`. */
            Code: string;
            /** @description The detailed error message. */
            Message: string;
            /** @description The ID that uniquely identifies the request (same as the `x-oss-request-id` header). */
            RequestId: string;
            /** @description The host the request was sent to, e.g. `examplebucket.oss-cn-hangzhou.aliyuncs.com`. */
            HostId?: string;
            /** @description Fine-grained error code, e.g. `0015-00000101`. May change and is not forward compatible — don't build logic on it. */
            EC?: string;
            /**
             * Format: uri
             * @description Link to the troubleshooting page for the `EC`.
             */
            RecommendDoc?: string;
            /** @description The bucket concerned (sent with `NoSuchBucket`, `InvalidBucketName`). */
            BucketName?: string;
            /** @description The AccessKey ID of the request (sent with signature errors). */
            OSSAccessKeyId?: string;
            /** @description The signature the request carried (sent with `SignatureDoesNotMatch`). */
            SignatureProvided?: string;
            /** @description The server's string to sign (sent with `SignatureDoesNotMatch`); compare with the client's. */
            StringToSign?: string;
            /** @description The server's string to sign as space-separated hex bytes (sent with `SignatureDoesNotMatch`). */
            StringToSignBytes?: string;
            /** @description The server's canonical request (sent with `SignatureDoesNotMatch` for V4 signatures); compare with the client's. */
            CanonicalRequest?: string;
            /** @description The request time the server read (sent with `RequestTimeTooSkewed`). */
            RequestTime?: string;
            /** @description The server's time (sent with `RequestTimeTooSkewed`). */
            ServerTime?: string;
            /** @description The allowed clock skew, `900000` (15 minutes) (sent with `RequestTimeTooSkewed`). */
            MaxAllowedSkewMilliseconds?: number;
            AccessDeniedDetail?: components["schemas"]["AccessDeniedDetail"];
        };
    };
    responses: never;
    parameters: {
        /**
         * @description Selects the bucket's ACL sub-resource. The parameter has **no value**: the request line is
         *     `GET /?acl` (the page prints `GET /? acl` with a typo space). Send an empty string; serializers must
         *     emit `?acl` (or the equivalent `?acl=`), and signers must canonicalize it as `acl` (V1 resource
         *     `/{bucket}/?acl`, V4 canonical query `acl`).
         *
         * @example
         */
        Acl: "";
        /** @description The request time in RFC 1123 GMT format, e.g. `Fri, 24 Feb 2012 04:11:23 GMT` ("Date: GMT Date" in the
         *     page's request syntax). Required on the wire: V1 signs it and the server rejects a request whose
         *     time is more than 15 minutes off (`RequestTimeTooSkewed`). Declared optional here only because the
         *     signer sets it at signing time (a fresh value on every attempt), not the caller.
         *      */
        Date: string;
        /**
         * @description Signature V4: the signing time in UTC, ISO 8601 basic format `yyyyMMddTHHmmssZ` (e.g.
         *     `20250417T073506Z`); required when signing with `OSS4-HMAC-SHA256` and set by the signer.
         *
         * @example 20250417T073506Z
         */
        XOssDate: string;
        /**
         * @description Signature V4 (signed, required with `OSS4-HMAC-SHA256`): the payload hash marker, `UNSIGNED-PAYLOAD`.
         * @example UNSIGNED-PAYLOAD
         */
        XOssContentSha256: string;
        /** @description The STS security token, sent (and signed as an `x-oss-*` header) when the request uses temporary STS credentials. */
        XOssSecurityToken: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description The unique ID OSS assigns to the request (`x-oss-request-id`); quote it to technical support.
         * @example 534B371674E88A4D8906****
         */
        RequestId: string;
        /**
         * @description The server's time in RFC 1123 GMT format; use it to correct the client's clock offset after `RequestTimeTooSkewed`.
         * @example Fri, 24 Feb 2012 04:11:23 GMT
         */
        Date: string;
        /**
         * @description The server name, `AliyunOSS`.
         * @example AliyunOSS
         */
        Server: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    GetBucketAcl: {
        parameters: {
            query: {
                /**
                 * @description Selects the bucket's ACL sub-resource. The parameter has **no value**: the request line is
                 *     `GET /?acl` (the page prints `GET /? acl` with a typo space). Send an empty string; serializers must
                 *     emit `?acl` (or the equivalent `?acl=`), and signers must canonicalize it as `acl` (V1 resource
                 *     `/{bucket}/?acl`, V4 canonical query `acl`).
                 *
                 * @example
                 */
                acl: components["parameters"]["Acl"];
            };
            header?: {
                /** @description The request time in RFC 1123 GMT format, e.g. `Fri, 24 Feb 2012 04:11:23 GMT` ("Date: GMT Date" in the
                 *     page's request syntax). Required on the wire: V1 signs it and the server rejects a request whose
                 *     time is more than 15 minutes off (`RequestTimeTooSkewed`). Declared optional here only because the
                 *     signer sets it at signing time (a fresh value on every attempt), not the caller.
                 *      */
                Date?: components["parameters"]["Date"];
                /**
                 * @description Signature V4: the signing time in UTC, ISO 8601 basic format `yyyyMMddTHHmmssZ` (e.g.
                 *     `20250417T073506Z`); required when signing with `OSS4-HMAC-SHA256` and set by the signer.
                 *
                 * @example 20250417T073506Z
                 */
                "x-oss-date"?: components["parameters"]["XOssDate"];
                /**
                 * @description Signature V4 (signed, required with `OSS4-HMAC-SHA256`): the payload hash marker, `UNSIGNED-PAYLOAD`.
                 * @example UNSIGNED-PAYLOAD
                 */
                "x-oss-content-sha256"?: components["parameters"]["XOssContentSha256"];
                /** @description The STS security token, sent (and signed as an `x-oss-*` header) when the request uses temporary STS credentials. */
                "x-oss-security-token"?: components["parameters"]["XOssSecurityToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ACL of the bucket. */
            200: {
                headers: {
                    "x-oss-request-id": components["headers"]["RequestId"];
                    Date: components["headers"]["Date"];
                    Server: components["headers"]["Server"];
                    /**
                     * @description The length of the XML body in bytes.
                     * @example 253
                     */
                    "Content-Length"?: number;
                    /**
                     * @description Server-side processing time of the request in milliseconds (e.g. `0`).
                     * @example 0
                     */
                    "x-oss-server-time"?: number;
                    /**
                     * @description Connection handling, as in the page's sample response.
                     * @example keep-alive
                     */
                    Connection?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": components["schemas"]["AccessControlPolicy"];
                };
            };
            /** @description Bad request (not on the page; generic OSS behaviour), e.g. `InvalidBucketName` ("The specified
             *     bucket is not valid.") or `InvalidArgument` (a malformed header or signature field).
             *      */
            400: {
                headers: {
                    "x-oss-request-id": components["headers"]["RequestId"];
                    Date: components["headers"]["Date"];
                    Server: components["headers"]["Server"];
                    /**
                     * @description The fine-grained OSS error code (also the body's `EC`), e.g. `0003-00000001`. Sent on current
                     *     error responses; OSS states it may change and is not forward compatible — don't build logic on it.
                     *
                     * @example 0003-00000001
                     */
                    "x-oss-ec"?: string;
                    /**
                     * @description Server-side processing time of the request in milliseconds (e.g. `0`).
                     * @example 0
                     */
                    "x-oss-server-time"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden. From the page: `AccessDenied` — "The error message returned because you are not authorized to query the ACL of the bucket. Only the bucket owner can query the ACL of the bucket."
             *
             *     Other documented OSS 403 codes for any signed request: `SignatureDoesNotMatch`,
             *     `InvalidAccessKeyId` and `RequestTimeTooSkewed` (the request's `Date`/`x-oss-date` is more than
             *     15 minutes from the server's clock; correct the clock offset from the response's `Date` header
             *     and retry).
             *      */
            403: {
                headers: {
                    "x-oss-request-id": components["headers"]["RequestId"];
                    Date: components["headers"]["Date"];
                    Server: components["headers"]["Server"];
                    /**
                     * @description The fine-grained OSS error code (also the body's `EC`), e.g. `0003-00000001`. Sent on current
                     *     error responses; OSS states it may change and is not forward compatible — don't build logic on it.
                     *
                     * @example 0003-00000001
                     */
                    "x-oss-ec"?: string;
                    /**
                     * @description Server-side processing time of the request in milliseconds (e.g. `0`).
                     * @example 0
                     */
                    "x-oss-server-time"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not found. From the page: `NoSuchBucket` — The error message returned because the specified bucket does not exist. */
            404: {
                headers: {
                    "x-oss-request-id": components["headers"]["RequestId"];
                    Date: components["headers"]["Date"];
                    Server: components["headers"]["Server"];
                    /**
                     * @description The fine-grained OSS error code (also the body's `EC`), e.g. `0003-00000001`. Sent on current
                     *     error responses; OSS states it may change and is not forward compatible — don't build logic on it.
                     *
                     * @example 0003-00000001
                     */
                    "x-oss-ec"?: string;
                    /**
                     * @description Server-side processing time of the request in milliseconds (e.g. `0`).
                     * @example 0
                     */
                    "x-oss-server-time"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests (not on the page): `QpsLimitExceeded` — the account's requests per second are over
             *     OSS's limit (https://www.alibabacloud.com/help/zh/oss/support/429-error). Retry after a delay.
             *      */
            429: {
                headers: {
                    "x-oss-request-id": components["headers"]["RequestId"];
                    Date: components["headers"]["Date"];
                    Server: components["headers"]["Server"];
                    /**
                     * @description The fine-grained OSS error code (also the body's `EC`), e.g. `0003-00000001`. Sent on current
                     *     error responses; OSS states it may change and is not forward compatible — don't build logic on it.
                     *
                     * @example 0003-00000001
                     */
                    "x-oss-ec"?: string;
                    /**
                     * @description Server-side processing time of the request in milliseconds (e.g. `0`).
                     * @example 0
                     */
                    "x-oss-server-time"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Internal error (not on the page; OSS error-code list). Retryable.
             *      */
            500: {
                headers: {
                    "x-oss-request-id": components["headers"]["RequestId"];
                    Date: components["headers"]["Date"];
                    Server: components["headers"]["Server"];
                    /**
                     * @description The fine-grained OSS error code (also the body's `EC`), e.g. `0003-00000001`. Sent on current
                     *     error responses; OSS states it may change and is not forward compatible — don't build logic on it.
                     *
                     * @example 0003-00000001
                     */
                    "x-oss-ec"?: string;
                    /**
                     * @description Server-side processing time of the request in milliseconds (e.g. `0`).
                     * @example 0
                     */
                    "x-oss-server-time"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Service unavailable or slow down (not on the page). `SlowDown`: the bucket's request rate is too high. Retryable.
             *      */
            503: {
                headers: {
                    "x-oss-request-id": components["headers"]["RequestId"];
                    Date: components["headers"]["Date"];
                    Server: components["headers"]["Server"];
                    /**
                     * @description The fine-grained OSS error code (also the body's `EC`), e.g. `0003-00000001`. Sent on current
                     *     error responses; OSS states it may change and is not forward compatible — don't build logic on it.
                     *
                     * @example 0003-00000001
                     */
                    "x-oss-ec"?: string;
                    /**
                     * @description Server-side processing time of the request in milliseconds (e.g. `0`).
                     * @example 0
                     */
                    "x-oss-server-time"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
}
