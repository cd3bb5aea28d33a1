// generated from specs/aliyun-oss.yaml by scripts/generate-clients.mjs (openapi-typescript); do not edit.
// Change the spec and run `npm run generate`; `npm test` fails when this file is stale.

/** Element shapes of the XML bodies, keyed by root element name (see scripts/xml-shapes.mjs). */
export const xmlShapes = {
  "AccessControlPolicy": {
    "fields": {
      "Owner": {
        "fields": {
          "ID": "string",
          "DisplayName": "string"
        },
        "property": "Owner"
      },
      "AccessControlList": {
        "fields": {
          "Grant": "string"
        },
        "property": "AccessControlList"
      }
    }
  },
  "Error": {
    "fields": {
      "Code": "string",
      "Message": "string",
      "RequestId": "string",
      "HostId": "string",
      "EC": "string",
      "RecommendDoc": "string",
      "BucketName": "string",
      "OSSAccessKeyId": "string",
      "SignatureProvided": "string",
      "StringToSign": "string",
      "StringToSignBytes": "string",
      "CanonicalRequest": "string",
      "RequestTime": "string",
      "ServerTime": "string",
      "MaxAllowedSkewMilliseconds": "number",
      "AccessDeniedDetail": {
        "fields": {
          "AuthAction": "string",
          "AuthPrincipalType": "string",
          "AuthPrincipalOwnerId": "string",
          "AuthPrincipalDisplayName": "string",
          "NoPermissionType": "string",
          "PolicyType": "string",
          "EncodedDiagnosticMessage": "string"
        },
        "property": "AccessDeniedDetail"
      }
    }
  }
} as const;
