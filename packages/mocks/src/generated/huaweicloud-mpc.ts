// generated from specs/huaweicloud-mpc.yaml by scripts/generate-mocks.mjs; do not edit.
// Change the spec and run `npm run generate`; `npm test` fails when this file is stale.
// spec sha256: 343cc3a87d4a6ca156598d6df82660949ee82907f7cd065fe157dcefd66b0730
import { http, type HttpHandler } from "msw";
import type { MockRuntimeApi } from "../adapter.js";
import type { VendorSpec } from "../types.js";

/** Huawei Cloud MPC (Media Processing Center) — Querying Buckets (specs/huaweicloud-mpc.yaml, version v1): operations, schemas, examples and documented errors. */
export const spec: VendorSpec = {
  "provider": "huaweicloud-mpc",
  "source": "specs/huaweicloud-mpc.yaml",
  "title": "Huawei Cloud MPC (Media Processing Center) — Querying Buckets",
  "version": "v1",
  "operations": {
    "ListAllBuckets": {
      "operationId": "ListAllBuckets",
      "method": "GET",
      "path": "/v1/{project_id}/buckets",
      "summary": "Querying Buckets",
      "servers": [
        {
          "url": "https://mpc.{region}.myhuaweicloud.com",
          "variables": {
            "region": {
              "default": "cn-north-4",
              "enum": [
                "cn-north-4",
                "cn-east-2",
                "cn-east-3",
                "cn-south-1",
                "ap-southeast-3"
              ]
            }
          }
        },
        {
          "url": "https://mts.cn-north-1.myhuaweicloud.com",
          "variables": {}
        }
      ],
      "parameters": [
        {
          "name": "project_id",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          }
        },
        {
          "name": "X-Auth-Token",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string"
          },
          "security": true
        },
        {
          "name": "X-Project-Id",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string"
          }
        },
        {
          "name": "X-Project_Id",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string"
          },
          "deprecated": true
        },
        {
          "name": "X-Sdk-Date",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "pattern": "^\\d{8}T\\d{6}Z$"
          }
        },
        {
          "name": "X-Security-Token",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string"
          }
        }
      ],
      "responses": {
        "200": {
          "headers": {
            "X-Request-Id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "X-ratelimit": {
              "required": false,
              "schema": {
                "type": "integer"
              }
            },
            "X-ratelimit-used": {
              "required": false,
              "schema": {
                "type": "integer"
              }
            },
            "X-ratelimit-window": {
              "required": false,
              "schema": {
                "type": "string"
              }
            }
          },
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "buckets": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": [
                        "bucket"
                      ],
                      "properties": {
                        "bucket": {
                          "type": "string"
                        },
                        "creation_date": {
                          "type": [
                            "string",
                            "integer"
                          ],
                          "pattern": "^\\d{14}$",
                          "minimum": 10000000000000,
                          "maximum": 99999999999999
                        },
                        "is_authorized": {
                          "type": "integer",
                          "enum": [
                            0,
                            1
                          ]
                        }
                      }
                    }
                  }
                }
              },
              "examples": {
                "page": {
                  "buckets": [
                    {
                      "bucket": "example-bucket",
                      "creation_date": 20221026152511,
                      "is_authorized": 1
                    },
                    {
                      "bucket": "example-bucket",
                      "creation_date": 20221026104736,
                      "is_authorized": 0
                    }
                  ]
                },
                "stringDates": {
                  "buckets": [
                    {
                      "bucket": "example-bucket",
                      "creation_date": "20221026152511",
                      "is_authorized": 1
                    }
                  ]
                }
              }
            }
          }
        },
        "400": {
          "headers": {
            "X-Request-Id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            }
          },
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "error_code",
                  "error_msg"
                ],
                "properties": {
                  "error_code": {
                    "type": "string"
                  },
                  "error_msg": {
                    "type": "string"
                  },
                  "request_id": {
                    "type": "string"
                  }
                }
              },
              "examples": {}
            }
          }
        },
        "401": {
          "headers": {
            "X-Request-Id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            }
          },
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "error_code",
                  "error_msg",
                  "request_id"
                ],
                "properties": {
                  "error_code": {
                    "type": "string"
                  },
                  "error_msg": {
                    "type": "string"
                  },
                  "request_id": {
                    "type": "string"
                  }
                }
              },
              "examples": {
                "APIGW.0301": {
                  "error_code": "APIGW.0301",
                  "error_msg": "Incorrect IAM authentication information: verify aksk signature fail",
                  "request_id": "6f8c6c1b2b2f4a4f9d7b1f6e1c3a9d21"
                },
                "APIGW.0303": {
                  "error_code": "APIGW.0303",
                  "error_msg": "Incorrect IAM authentication information: the x-sdk-date is expired",
                  "request_id": "0d4a7d7c3f7b4e2c8a5e9b1d2c3f4a5b"
                },
                "APIGW.0305": {
                  "error_code": "APIGW.0305",
                  "error_msg": "Incorrect authentication information.",
                  "request_id": "6f8c6c1b2b2f4a4f9d7b1f6e1c3a9d21"
                },
                "APIGW.0307": {
                  "error_code": "APIGW.0307",
                  "error_msg": "The token must be updated.",
                  "request_id": "6f8c6c1b2b2f4a4f9d7b1f6e1c3a9d21"
                }
              }
            }
          }
        },
        "403": {
          "headers": {
            "X-Request-Id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            }
          },
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "error_code",
                  "error_msg"
                ],
                "properties": {
                  "error_code": {
                    "type": "string"
                  },
                  "error_msg": {
                    "type": "string"
                  },
                  "request_id": {
                    "type": "string"
                  }
                }
              },
              "examples": {
                "MPC.10208": {
                  "error_code": "MPC.10208",
                  "error_msg": "Failed to verify the tenant ID."
                },
                "APIGW.0302": {
                  "error_code": "APIGW.0302",
                  "error_msg": "The IAM user is not authorized to access the API.",
                  "request_id": "6f8c6c1b2b2f4a4f9d7b1f6e1c3a9d21"
                },
                "APIGW.0304": {
                  "error_code": "APIGW.0304",
                  "error_msg": "The app is not authorized to access the API.",
                  "request_id": "6f8c6c1b2b2f4a4f9d7b1f6e1c3a9d21"
                },
                "APIGW.0306": {
                  "error_code": "APIGW.0306",
                  "error_msg": "API access denied.",
                  "request_id": "6f8c6c1b2b2f4a4f9d7b1f6e1c3a9d21"
                }
              }
            }
          }
        },
        "429": {
          "headers": {
            "X-Request-Id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "X-ratelimit": {
              "required": false,
              "schema": {
                "type": "integer"
              }
            },
            "X-ratelimit-used": {
              "required": false,
              "schema": {
                "type": "integer"
              }
            },
            "X-ratelimit-window": {
              "required": false,
              "schema": {
                "type": "string"
              }
            }
          },
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "error_code",
                  "error_msg",
                  "request_id"
                ],
                "properties": {
                  "error_code": {
                    "type": "string"
                  },
                  "error_msg": {
                    "type": "string"
                  },
                  "request_id": {
                    "type": "string"
                  }
                }
              },
              "examples": {
                "APIGW.0308": {
                  "error_code": "APIGW.0308",
                  "error_msg": "The throttling threshold has been reached: policy user over ratelimit,limit:10,time:1 second",
                  "request_id": "9a1b2c3d4e5f40718293a4b5c6d7e8f9"
                }
              }
            }
          }
        }
      },
      "security": [
        {
          "token": []
        },
        {
          "aksk": []
        }
      ]
    }
  },
  "errors": [
    {
      "code": "400",
      "status": 400,
      "operations": [
        "ListAllBuckets"
      ]
    },
    {
      "code": "APIGW.0301",
      "status": 401,
      "operations": [
        "ListAllBuckets"
      ],
      "mediaType": "application/json",
      "example": "APIGW.0301",
      "body": {
        "error_code": "APIGW.0301",
        "error_msg": "Incorrect IAM authentication information: verify aksk signature fail",
        "request_id": "6f8c6c1b2b2f4a4f9d7b1f6e1c3a9d21"
      }
    },
    {
      "code": "APIGW.0303",
      "status": 401,
      "operations": [
        "ListAllBuckets"
      ],
      "mediaType": "application/json",
      "example": "APIGW.0303",
      "body": {
        "error_code": "APIGW.0303",
        "error_msg": "Incorrect IAM authentication information: the x-sdk-date is expired",
        "request_id": "0d4a7d7c3f7b4e2c8a5e9b1d2c3f4a5b"
      }
    },
    {
      "code": "APIGW.0305",
      "status": 401,
      "operations": [
        "ListAllBuckets"
      ],
      "mediaType": "application/json",
      "example": "APIGW.0305",
      "body": {
        "error_code": "APIGW.0305",
        "error_msg": "Incorrect authentication information.",
        "request_id": "6f8c6c1b2b2f4a4f9d7b1f6e1c3a9d21"
      }
    },
    {
      "code": "APIGW.0307",
      "status": 401,
      "operations": [
        "ListAllBuckets"
      ],
      "mediaType": "application/json",
      "example": "APIGW.0307",
      "body": {
        "error_code": "APIGW.0307",
        "error_msg": "The token must be updated.",
        "request_id": "6f8c6c1b2b2f4a4f9d7b1f6e1c3a9d21"
      }
    },
    {
      "code": "MPC.10208",
      "status": 403,
      "operations": [
        "ListAllBuckets"
      ],
      "mediaType": "application/json",
      "example": "MPC.10208",
      "body": {
        "error_code": "MPC.10208",
        "error_msg": "Failed to verify the tenant ID."
      }
    },
    {
      "code": "APIGW.0302",
      "status": 403,
      "operations": [
        "ListAllBuckets"
      ],
      "mediaType": "application/json",
      "example": "APIGW.0302",
      "body": {
        "error_code": "APIGW.0302",
        "error_msg": "The IAM user is not authorized to access the API.",
        "request_id": "6f8c6c1b2b2f4a4f9d7b1f6e1c3a9d21"
      }
    },
    {
      "code": "APIGW.0304",
      "status": 403,
      "operations": [
        "ListAllBuckets"
      ],
      "mediaType": "application/json",
      "example": "APIGW.0304",
      "body": {
        "error_code": "APIGW.0304",
        "error_msg": "The app is not authorized to access the API.",
        "request_id": "6f8c6c1b2b2f4a4f9d7b1f6e1c3a9d21"
      }
    },
    {
      "code": "APIGW.0306",
      "status": 403,
      "operations": [
        "ListAllBuckets"
      ],
      "mediaType": "application/json",
      "example": "APIGW.0306",
      "body": {
        "error_code": "APIGW.0306",
        "error_msg": "API access denied.",
        "request_id": "6f8c6c1b2b2f4a4f9d7b1f6e1c3a9d21"
      }
    },
    {
      "code": "APIGW.0308",
      "status": 429,
      "operations": [
        "ListAllBuckets"
      ],
      "mediaType": "application/json",
      "example": "APIGW.0308",
      "body": {
        "error_code": "APIGW.0308",
        "error_msg": "The throttling threshold has been reached: policy user over ratelimit,limit:10,time:1 second",
        "request_id": "9a1b2c3d4e5f40718293a4b5c6d7e8f9"
      }
    }
  ]
};

/** `GET /v1/{project_id}/buckets` — ListAllBuckets: Querying Buckets. Bound to the spec's servers and to `baseUrls`. */
export function listAllBuckets(runtime: MockRuntimeApi, baseUrls: readonly string[] = []): HttpHandler[] {
  return runtime.routes(spec, "ListAllBuckets", baseUrls).map((route) => http.get(route.pattern, (info) => runtime.handle(route, info.request)));
}

/** Every handler of this spec, in spec order (each method-not-allowed catch-all after its operation). */
export function handlers(runtime: MockRuntimeApi, baseUrls: readonly string[] = []): HttpHandler[] {
  return [...listAllBuckets(runtime, baseUrls)];
}
