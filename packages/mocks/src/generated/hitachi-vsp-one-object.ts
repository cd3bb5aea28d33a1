// generated from specs/hitachi-vsp-one-object.yaml by scripts/generate-mocks.mjs; do not edit.
// Change the spec and run `npm run generate`; `npm test` fails when this file is stale.
// spec sha256: 00f12038ff3eb07cd9b407e5a120245346880abff276dd3b7da22d257aa2df2f
import { http, type HttpHandler } from "msw";
import type { MockRuntimeApi } from "../adapter.js";
import type { VendorSpec } from "../types.js";

/** Hitachi Vantara VSP One Object Management API (user buckets) (specs/hitachi-vsp-one-object.yaml, version 3.3.x): operations, schemas, examples and documented errors. */
export const spec: VendorSpec = {
  "provider": "hitachi-vsp-one-object",
  "source": "specs/hitachi-vsp-one-object.yaml",
  "title": "Hitachi Vantara VSP One Object Management API (user buckets)",
  "version": "3.3.x",
  "operations": {
    "ListUserBuckets": {
      "operationId": "ListUserBuckets",
      "method": "POST",
      "path": "/v1/user/list_buckets",
      "summary": "Displaying all buckets owned by a user",
      "servers": [
        {
          "url": "{scheme}://{host}/mapi",
          "variables": {
            "scheme": {
              "default": "https",
              "enum": [
                "https",
                "http"
              ]
            },
            "host": {
              "default": "localhost:9099"
            }
          }
        }
      ],
      "parameters": [
        {
          "name": "X-XSRF-TOKEN",
          "in": "header",
          "required": true,
          "schema": {
            "type": "string"
          },
          "security": true
        },
        {
          "name": "Cookie",
          "in": "header",
          "required": true,
          "schema": {
            "type": "string"
          },
          "security": true
        }
      ],
      "requestBody": {
        "required": true,
        "content": {
          "application/json": {
            "schema": {
              "type": "object",
              "required": [
                "id"
              ],
              "properties": {
                "id": {
                  "type": [
                    "integer",
                    "string"
                  ]
                },
                "count": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 1000
                },
                "pageToken": {
                  "type": "string"
                },
                "startingAfter": {
                  "type": "string",
                  "deprecated": true
                }
              }
            },
            "examples": {
              "pageExample": {
                "count": 602,
                "id": 0,
                "pageToken": "pageToken"
              },
              "firstPage": {
                "id": 0,
                "count": 1000
              },
              "legacyUuid": {
                "id": "6d1c2d8e-3f0a-4f1e-9b7a-2c5d8e9f0a1b",
                "count": 1000,
                "startingAfter": "bucket-0999"
              }
            }
          }
        }
      },
      "responses": {
        "200": {
          "headers": {},
          "content": {
            "application/json": {
              "schema": {
                "oneOf": [
                  {
                    "type": "object",
                    "properties": {
                      "buckets": {
                        "type": "array",
                        "items": {
                          "type": "object",
                          "properties": {
                            "bucketId": {
                              "type": [
                                "integer",
                                "string"
                              ]
                            },
                            "bucketName": {
                              "type": "string"
                            }
                          }
                        }
                      },
                      "pageToken": {
                        "type": "string"
                      }
                    }
                  },
                  {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "bucketId": {
                          "type": [
                            "integer",
                            "string"
                          ]
                        },
                        "bucketName": {
                          "type": "string"
                        }
                      }
                    }
                  }
                ]
              },
              "examples": {
                "pageExample": {
                  "buckets": [
                    {
                      "bucketId": 0,
                      "bucketName": "example"
                    }
                  ],
                  "pageToken": "example"
                },
                "lastPage": {
                  "buckets": [
                    {
                      "bucketId": 1852773175,
                      "bucketName": "finance-archive"
                    }
                  ]
                },
                "legacyArray": [
                  {
                    "bucketId": "0f6e4c1a-9d2b-4a7e-8c3f-5b1d2e3f4a5b",
                    "bucketName": "bucket-a"
                  },
                  {
                    "bucketId": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
                    "bucketName": "bucket-b"
                  }
                ],
                "legacyUnknownUser": []
              }
            }
          }
        },
        "400": {
          "headers": {},
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "code": {
                    "type": "string"
                  },
                  "message": {
                    "type": "string"
                  },
                  "details": {
                    "type": "string"
                  }
                }
              },
              "examples": {
                "pageExample": {
                  "code": "example",
                  "message": "example",
                  "details": "example"
                }
              }
            }
          }
        },
        "401": {
          "headers": {},
          "content": {}
        },
        "404": {
          "headers": {},
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "code": {
                    "type": "string"
                  },
                  "message": {
                    "type": "string"
                  },
                  "details": {
                    "type": "string"
                  }
                }
              },
              "examples": {
                "pageExample": {
                  "code": "example",
                  "message": "example",
                  "details": "example"
                }
              }
            }
          }
        },
        "405": {
          "headers": {},
          "content": {}
        }
      },
      "security": [
        {
          "bearerAuth": [],
          "xsrfHeader": [],
          "xsrfCookie": []
        }
      ]
    },
    "GetCsrfToken": {
      "operationId": "GetCsrfToken",
      "method": "GET",
      "path": "/v1/csrf",
      "summary": "Requesting a CSRF (XSRF) token and session cookie",
      "servers": [
        {
          "url": "{scheme}://{host}/mapi",
          "variables": {
            "scheme": {
              "default": "https",
              "enum": [
                "https",
                "http"
              ]
            },
            "host": {
              "default": "localhost:9099"
            }
          }
        }
      ],
      "parameters": [],
      "responses": {
        "200": {
          "headers": {
            "Set-Cookie": {
              "required": true,
              "schema": {
                "type": "string"
              }
            }
          },
          "content": {}
        },
        "4XX": {
          "headers": {},
          "content": {}
        }
      },
      "security": []
    }
  },
  "errors": [
    {
      "code": "400",
      "status": 400,
      "operations": [
        "ListUserBuckets"
      ],
      "mediaType": "application/json",
      "example": "pageExample",
      "body": {
        "code": "example",
        "message": "example",
        "details": "example"
      }
    },
    {
      "code": "401",
      "status": 401,
      "operations": [
        "ListUserBuckets"
      ]
    },
    {
      "code": "404",
      "status": 404,
      "operations": [
        "ListUserBuckets"
      ],
      "mediaType": "application/json",
      "example": "pageExample",
      "body": {
        "code": "example",
        "message": "example",
        "details": "example"
      }
    },
    {
      "code": "405",
      "status": 405,
      "operations": [
        "ListUserBuckets"
      ]
    }
  ]
};

/** `POST /v1/user/list_buckets` — ListUserBuckets: Displaying all buckets owned by a user. Bound to the spec's servers and to `baseUrls`. */
export function listUserBuckets(runtime: MockRuntimeApi, baseUrls: readonly string[] = []): HttpHandler[] {
  return runtime.routes(spec, "ListUserBuckets", baseUrls).map((route) => http.post(route.pattern, (info) => runtime.handle(route, info.request)));
}

/** Any other method on `/v1/user/list_buckets` — answered with the documented 405. Register after `listUserBuckets`. */
export function listUserBucketsMethodNotAllowed(runtime: MockRuntimeApi, baseUrls: readonly string[] = []): HttpHandler[] {
  return runtime.routes(spec, "ListUserBuckets", baseUrls).map((route) => http.all(route.pattern, (info) => runtime.methodNotAllowed(route, info.request)));
}

/** `GET /v1/csrf` — GetCsrfToken: Requesting a CSRF (XSRF) token and session cookie. Bound to the spec's servers and to `baseUrls`. */
export function getCsrfToken(runtime: MockRuntimeApi, baseUrls: readonly string[] = []): HttpHandler[] {
  return runtime.routes(spec, "GetCsrfToken", baseUrls).map((route) => http.get(route.pattern, (info) => runtime.handle(route, info.request)));
}

/** Every handler of this spec, in spec order (each method-not-allowed catch-all after its operation). */
export function handlers(runtime: MockRuntimeApi, baseUrls: readonly string[] = []): HttpHandler[] {
  return [...listUserBuckets(runtime, baseUrls), ...listUserBucketsMethodNotAllowed(runtime, baseUrls), ...getCsrfToken(runtime, baseUrls)];
}
