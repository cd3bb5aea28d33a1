// generated from specs/baidu-bos.yaml by scripts/generate-mocks.mjs; do not edit.
// Change the spec and run `npm run generate`; `npm test` fails when this file is stale.
// spec sha256: 5412855e5c757fb89fd4d5489f26c96d2f292c8cf38a0a6d3eab58b7c8dea86a
import { http, type HttpHandler } from "msw";
import type { MockRuntimeApi } from "../adapter.js";
import type { VendorSpec } from "../types.js";

/** Baidu AI Cloud BOS (Object Storage) — Get Access Permission for a Bucket (specs/baidu-bos.yaml, version v1): operations, schemas, examples and documented errors. */
export const spec: VendorSpec = {
  "provider": "baidu-bos",
  "source": "specs/baidu-bos.yaml",
  "title": "Baidu AI Cloud BOS (Object Storage) — Get Access Permission for a Bucket",
  "version": "v1",
  "operations": {
    "GetBucketAcl": {
      "operationId": "GetBucketAcl",
      "method": "GET",
      "path": "/v1/{bucketName}",
      "summary": "Get Access Permission for a Bucket",
      "servers": [
        {
          "url": "https://{region}.bcebos.com",
          "variables": {
            "region": {
              "default": "bj",
              "enum": [
                "bj",
                "bd",
                "su",
                "gz",
                "cd",
                "yq",
                "hkg",
                "fwh",
                "fsh"
              ]
            }
          }
        },
        {
          "url": "http://{region}.bcebos.com",
          "variables": {
            "region": {
              "default": "bj",
              "enum": [
                "bj",
                "bd",
                "su",
                "gz",
                "cd",
                "yq",
                "hkg",
                "fwh",
                "fsh"
              ]
            }
          }
        }
      ],
      "parameters": [
        {
          "name": "bucketName",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          }
        },
        {
          "name": "acl",
          "in": "query",
          "required": true,
          "schema": {
            "type": "string",
            "enum": [
              ""
            ]
          },
          "allowEmptyValue": true
        },
        {
          "name": "x-bce-date",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "format": "date-time"
          }
        },
        {
          "name": "x-bce-security-token",
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
            "x-bce-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-bce-debug-id": {
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
                  "owner",
                  "accessControlList"
                ],
                "properties": {
                  "owner": {
                    "type": "object",
                    "required": [
                      "id"
                    ],
                    "properties": {
                      "id": {
                        "type": "string"
                      }
                    }
                  },
                  "accessControlList": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": [
                        "grantee",
                        "permission"
                      ],
                      "properties": {
                        "grantee": {
                          "type": "array",
                          "items": {
                            "type": "object",
                            "required": [
                              "id"
                            ],
                            "properties": {
                              "id": {
                                "type": "string"
                              }
                            }
                          }
                        },
                        "permission": {
                          "type": "array",
                          "items": {
                            "anyOf": [
                              {
                                "type": "string",
                                "enum": [
                                  "FULL_CONTROL",
                                  "READ",
                                  "WRITE",
                                  "LIST",
                                  "MODIFY",
                                  "GetObject",
                                  "PutObject",
                                  "DeleteObject",
                                  "RestoreObject"
                                ]
                              },
                              {
                                "type": "string"
                              }
                            ]
                          }
                        },
                        "resource": {
                          "type": "array",
                          "items": {
                            "type": "string"
                          }
                        },
                        "notResource": {
                          "type": "array",
                          "items": {
                            "type": "string"
                          }
                        },
                        "condition": {
                          "type": "object",
                          "properties": {
                            "ipAddress": {
                              "type": "array",
                              "items": {
                                "type": "string"
                              }
                            },
                            "notIpAddress": {
                              "type": "array",
                              "items": {
                                "type": "string"
                              }
                            },
                            "referer": {
                              "type": "object",
                              "properties": {
                                "stringLike": {
                                  "type": "array",
                                  "items": {
                                    "type": "string"
                                  }
                                },
                                "stringEquals": {
                                  "type": "array",
                                  "items": {
                                    "type": "string"
                                  }
                                }
                              }
                            },
                            "secureTransport": {
                              "type": "boolean"
                            },
                            "currentTime": {
                              "type": "object",
                              "additionalProperties": true,
                              "properties": {
                                "dateLessThan": {
                                  "type": "string"
                                },
                                "dateGreaterThan": {
                                  "type": "string"
                                },
                                "dateLessThanEquals": {
                                  "type": "string"
                                },
                                "dateGreaterThanEquals": {
                                  "type": "string"
                                }
                              }
                            },
                            "userAgent": {
                              "type": "object",
                              "additionalProperties": true,
                              "properties": {
                                "stringLike": {
                                  "type": "array",
                                  "items": {
                                    "type": "string"
                                  }
                                },
                                "stringEquals": {
                                  "type": "array",
                                  "items": {
                                    "type": "string"
                                  }
                                }
                              }
                            },
                            "vpcId": {
                              "type": "array",
                              "items": {
                                "type": "string"
                              }
                            }
                          }
                        },
                        "effect": {
                          "type": "string"
                        }
                      }
                    }
                  }
                }
              },
              "examples": {
                "page": {
                  "owner": {
                    "id": "16df583fe6824d73a5f858f06de0af03"
                  },
                  "accessControlList": [
                    {
                      "grantee": [
                        {
                          "id": "10eb6f5ff6ff4605bf044313e8f3ffa5"
                        },
                        {
                          "id": "10eb6f5ff6ff4605bf044313e8f3ffa5"
                        }
                      ],
                      "permission": [
                        "FULL_CONTROL",
                        "FULL_CONTROL"
                      ]
                    },
                    {
                      "grantee": [
                        {
                          "id": "10eb6f5ff6ff4605bf044313e8f3ffa5"
                        },
                        {
                          "id": "10eb6f5ff6ff4605bf044313e8f3ffa5"
                        }
                      ],
                      "permission": [
                        "FULL_CONTROL",
                        "FULL_CONTROL"
                      ]
                    }
                  ]
                },
                "publicRead": {
                  "owner": {
                    "id": "16df583fe6824d73a5f858f06de0af03"
                  },
                  "accessControlList": [
                    {
                      "grantee": [
                        {
                          "id": "16df583fe6824d73a5f858f06de0af03"
                        }
                      ],
                      "permission": [
                        "FULL_CONTROL"
                      ]
                    },
                    {
                      "grantee": [
                        {
                          "id": "*"
                        }
                      ],
                      "permission": [
                        "READ"
                      ]
                    }
                  ]
                }
              }
            }
          }
        },
        "400": {
          "headers": {
            "x-bce-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-bce-debug-id": {
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
                  "code",
                  "message",
                  "requestId"
                ],
                "properties": {
                  "code": {
                    "type": "string"
                  },
                  "message": {
                    "type": "string"
                  },
                  "requestId": {
                    "type": "string"
                  }
                }
              },
              "examples": {
                "InvalidHTTPAuthHeader": {
                  "code": "InvalidHTTPAuthHeader",
                  "message": "The HTTP authorization header is invalid. Consult the service documentation for details.",
                  "requestId": "6c2f5a1e-0b3d-4c8e-9f21-7a4d3b2e1c05"
                },
                "SignatureDoesNotMatch": {
                  "code": "SignatureDoesNotMatch",
                  "message": "The request signature we calculated does not match the signature you provided. Check your Secret Access Key and signing method. Consult the service documentation for details.",
                  "requestId": "1f3e5d7c-9b8a-4c6e-8d2f-0a1b2c3d4e5f"
                },
                "RequestExpired": {
                  "code": "RequestExpired",
                  "message": "Request has expired. Timestamp date is 2015-04-27T08:23:49Z.",
                  "requestId": "2a4c6e8f-0b1d-4f3a-9c5e-7d9f1b3d5f7a"
                },
                "MalformedJSON": {
                  "code": "MalformedJSON",
                  "message": "The JSON you provided was not well-formed.",
                  "requestId": "3b5d7f9a-1c2e-4a4b-8d6f-8e0a2c4e6a8b"
                },
                "InvalidURI": {
                  "code": "InvalidURI",
                  "message": "Could not parse the specified URI.",
                  "requestId": "4c6e8a0b-2d3f-4b5c-9e7a-9f1b3d5e7a9c"
                }
              }
            }
          }
        },
        "403": {
          "headers": {
            "x-bce-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-bce-debug-id": {
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
                  "code",
                  "message",
                  "requestId"
                ],
                "properties": {
                  "code": {
                    "type": "string"
                  },
                  "message": {
                    "type": "string"
                  },
                  "requestId": {
                    "type": "string"
                  }
                }
              },
              "examples": {
                "AccessDenied": {
                  "code": "AccessDenied",
                  "message": "Access denied.",
                  "requestId": "4db2b34d-654d-4d8a-b49b-3049ca786409"
                },
                "InvalidAccessKeyId": {
                  "code": "InvalidAccessKeyId",
                  "message": "The Access Key ID you provided does not exist in our records.",
                  "requestId": "5e7f9a1b-3c4d-4e5f-a6b7-c8d9e0f1a2b3"
                },
                "AccountOverdue": {
                  "code": "AccountOverdue",
                  "message": "Your request is denied because there is an overdue bill of your account.",
                  "requestId": "6f8a0b2c-4d5e-4f6a-b7c8-d9e0f1a2b3c4"
                },
                "OptInRequired": {
                  "code": "OptInRequired",
                  "message": "A subscription for the service is required.",
                  "requestId": "7a9b1c3d-5e6f-4a7b-c8d9-e0f1a2b3c4d5"
                }
              }
            }
          }
        },
        "404": {
          "headers": {
            "x-bce-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-bce-debug-id": {
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
                  "code",
                  "message",
                  "requestId"
                ],
                "properties": {
                  "code": {
                    "type": "string"
                  },
                  "message": {
                    "type": "string"
                  },
                  "requestId": {
                    "type": "string"
                  }
                }
              },
              "examples": {
                "NoSuchBucket": {
                  "code": "NoSuchBucket",
                  "message": "The specified bucket does not exist.",
                  "requestId": "8b0c2d4e-6f7a-4b8c-d9e0-f1a2b3c4d5e6"
                },
                "InvalidVersion": {
                  "code": "InvalidVersion",
                  "message": "The API version specified was invalid.",
                  "requestId": "9c1d3e5f-7a8b-4c9d-e0f1-a2b3c4d5e6f7"
                }
              }
            }
          }
        },
        "412": {
          "headers": {
            "x-bce-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-bce-debug-id": {
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
                  "code",
                  "message",
                  "requestId"
                ],
                "properties": {
                  "code": {
                    "type": "string"
                  },
                  "message": {
                    "type": "string"
                  },
                  "requestId": {
                    "type": "string"
                  }
                }
              },
              "examples": {
                "PreconditionFailed": {
                  "code": "PreconditionFailed",
                  "message": "The specified If-Match header doesn't match the ETag header.",
                  "requestId": "0d2e4f6a-8b9c-4d0e-f1a2-b3c4d5e6f7a8"
                }
              }
            }
          }
        },
        "429": {
          "headers": {
            "x-bce-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-bce-debug-id": {
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
                  "code",
                  "message",
                  "requestId"
                ],
                "properties": {
                  "code": {
                    "type": "string"
                  },
                  "message": {
                    "type": "string"
                  },
                  "requestId": {
                    "type": "string"
                  }
                }
              },
              "examples": {
                "RequestRateLimitExceeded": {
                  "code": "RequestRateLimitExceeded",
                  "message": "Request rate limit exceeded.",
                  "requestId": "2f4a6b8c-0d1e-4f2a-b3c4-d5e6f7a8b9c0"
                }
              }
            }
          }
        },
        "500": {
          "headers": {
            "x-bce-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-bce-debug-id": {
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
                  "code",
                  "message",
                  "requestId"
                ],
                "properties": {
                  "code": {
                    "type": "string"
                  },
                  "message": {
                    "type": "string"
                  },
                  "requestId": {
                    "type": "string"
                  }
                }
              },
              "examples": {
                "InternalError": {
                  "code": "InternalError",
                  "message": "We encountered an internal error. Please try again.",
                  "requestId": "1e3f5a7b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"
                }
              }
            }
          }
        },
        "503": {
          "headers": {
            "x-bce-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-bce-debug-id": {
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
                  "code",
                  "message",
                  "requestId"
                ],
                "properties": {
                  "code": {
                    "type": "string"
                  },
                  "message": {
                    "type": "string"
                  },
                  "requestId": {
                    "type": "string"
                  }
                }
              },
              "examples": {
                "ServiceUnavailable": {
                  "code": "ServiceUnavailable",
                  "message": "Service is temporarily unavailable.",
                  "requestId": "3a5b7c9d-1e2f-4a3b-c4d5-e6f7a8b9c0d1"
                }
              }
            }
          }
        }
      },
      "security": [
        {
          "bceAuthV1": []
        }
      ]
    },
    "GetBucketAclVirtualHosted": {
      "operationId": "GetBucketAclVirtualHosted",
      "method": "GET",
      "path": "/",
      "summary": "Get Access Permission for a Bucket (virtual-hosted style)",
      "servers": [
        {
          "url": "https://{bucketName}.{region}.bcebos.com",
          "variables": {
            "bucketName": {
              "default": "example-bucket"
            },
            "region": {
              "default": "bj",
              "enum": [
                "bj",
                "bd",
                "su",
                "gz",
                "cd",
                "yq",
                "hkg",
                "fwh",
                "fsh"
              ]
            }
          }
        },
        {
          "url": "http://{bucketName}.{region}.bcebos.com",
          "variables": {
            "bucketName": {
              "default": "example-bucket"
            },
            "region": {
              "default": "bj",
              "enum": [
                "bj",
                "bd",
                "su",
                "gz",
                "cd",
                "yq",
                "hkg",
                "fwh",
                "fsh"
              ]
            }
          }
        }
      ],
      "parameters": [
        {
          "name": "acl",
          "in": "query",
          "required": true,
          "schema": {
            "type": "string",
            "enum": [
              ""
            ]
          },
          "allowEmptyValue": true
        },
        {
          "name": "x-bce-date",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "format": "date-time"
          }
        },
        {
          "name": "x-bce-security-token",
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
            "x-bce-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-bce-debug-id": {
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
                  "owner",
                  "accessControlList"
                ],
                "properties": {
                  "owner": {
                    "type": "object",
                    "required": [
                      "id"
                    ],
                    "properties": {
                      "id": {
                        "type": "string"
                      }
                    }
                  },
                  "accessControlList": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": [
                        "grantee",
                        "permission"
                      ],
                      "properties": {
                        "grantee": {
                          "type": "array",
                          "items": {
                            "type": "object",
                            "required": [
                              "id"
                            ],
                            "properties": {
                              "id": {
                                "type": "string"
                              }
                            }
                          }
                        },
                        "permission": {
                          "type": "array",
                          "items": {
                            "anyOf": [
                              {
                                "type": "string",
                                "enum": [
                                  "FULL_CONTROL",
                                  "READ",
                                  "WRITE",
                                  "LIST",
                                  "MODIFY",
                                  "GetObject",
                                  "PutObject",
                                  "DeleteObject",
                                  "RestoreObject"
                                ]
                              },
                              {
                                "type": "string"
                              }
                            ]
                          }
                        },
                        "resource": {
                          "type": "array",
                          "items": {
                            "type": "string"
                          }
                        },
                        "notResource": {
                          "type": "array",
                          "items": {
                            "type": "string"
                          }
                        },
                        "condition": {
                          "type": "object",
                          "properties": {
                            "ipAddress": {
                              "type": "array",
                              "items": {
                                "type": "string"
                              }
                            },
                            "notIpAddress": {
                              "type": "array",
                              "items": {
                                "type": "string"
                              }
                            },
                            "referer": {
                              "type": "object",
                              "properties": {
                                "stringLike": {
                                  "type": "array",
                                  "items": {
                                    "type": "string"
                                  }
                                },
                                "stringEquals": {
                                  "type": "array",
                                  "items": {
                                    "type": "string"
                                  }
                                }
                              }
                            },
                            "secureTransport": {
                              "type": "boolean"
                            },
                            "currentTime": {
                              "type": "object",
                              "additionalProperties": true,
                              "properties": {
                                "dateLessThan": {
                                  "type": "string"
                                },
                                "dateGreaterThan": {
                                  "type": "string"
                                },
                                "dateLessThanEquals": {
                                  "type": "string"
                                },
                                "dateGreaterThanEquals": {
                                  "type": "string"
                                }
                              }
                            },
                            "userAgent": {
                              "type": "object",
                              "additionalProperties": true,
                              "properties": {
                                "stringLike": {
                                  "type": "array",
                                  "items": {
                                    "type": "string"
                                  }
                                },
                                "stringEquals": {
                                  "type": "array",
                                  "items": {
                                    "type": "string"
                                  }
                                }
                              }
                            },
                            "vpcId": {
                              "type": "array",
                              "items": {
                                "type": "string"
                              }
                            }
                          }
                        },
                        "effect": {
                          "type": "string"
                        }
                      }
                    }
                  }
                }
              },
              "examples": {
                "page": {
                  "owner": {
                    "id": "16df583fe6824d73a5f858f06de0af03"
                  },
                  "accessControlList": [
                    {
                      "grantee": [
                        {
                          "id": "10eb6f5ff6ff4605bf044313e8f3ffa5"
                        },
                        {
                          "id": "10eb6f5ff6ff4605bf044313e8f3ffa5"
                        }
                      ],
                      "permission": [
                        "FULL_CONTROL",
                        "FULL_CONTROL"
                      ]
                    },
                    {
                      "grantee": [
                        {
                          "id": "10eb6f5ff6ff4605bf044313e8f3ffa5"
                        },
                        {
                          "id": "10eb6f5ff6ff4605bf044313e8f3ffa5"
                        }
                      ],
                      "permission": [
                        "FULL_CONTROL",
                        "FULL_CONTROL"
                      ]
                    }
                  ]
                },
                "publicRead": {
                  "owner": {
                    "id": "16df583fe6824d73a5f858f06de0af03"
                  },
                  "accessControlList": [
                    {
                      "grantee": [
                        {
                          "id": "16df583fe6824d73a5f858f06de0af03"
                        }
                      ],
                      "permission": [
                        "FULL_CONTROL"
                      ]
                    },
                    {
                      "grantee": [
                        {
                          "id": "*"
                        }
                      ],
                      "permission": [
                        "READ"
                      ]
                    }
                  ]
                }
              }
            }
          }
        },
        "400": {
          "headers": {
            "x-bce-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-bce-debug-id": {
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
                  "code",
                  "message",
                  "requestId"
                ],
                "properties": {
                  "code": {
                    "type": "string"
                  },
                  "message": {
                    "type": "string"
                  },
                  "requestId": {
                    "type": "string"
                  }
                }
              },
              "examples": {
                "InvalidHTTPAuthHeader": {
                  "code": "InvalidHTTPAuthHeader",
                  "message": "The HTTP authorization header is invalid. Consult the service documentation for details.",
                  "requestId": "6c2f5a1e-0b3d-4c8e-9f21-7a4d3b2e1c05"
                },
                "SignatureDoesNotMatch": {
                  "code": "SignatureDoesNotMatch",
                  "message": "The request signature we calculated does not match the signature you provided. Check your Secret Access Key and signing method. Consult the service documentation for details.",
                  "requestId": "1f3e5d7c-9b8a-4c6e-8d2f-0a1b2c3d4e5f"
                },
                "RequestExpired": {
                  "code": "RequestExpired",
                  "message": "Request has expired. Timestamp date is 2015-04-27T08:23:49Z.",
                  "requestId": "2a4c6e8f-0b1d-4f3a-9c5e-7d9f1b3d5f7a"
                },
                "MalformedJSON": {
                  "code": "MalformedJSON",
                  "message": "The JSON you provided was not well-formed.",
                  "requestId": "3b5d7f9a-1c2e-4a4b-8d6f-8e0a2c4e6a8b"
                },
                "InvalidURI": {
                  "code": "InvalidURI",
                  "message": "Could not parse the specified URI.",
                  "requestId": "4c6e8a0b-2d3f-4b5c-9e7a-9f1b3d5e7a9c"
                }
              }
            }
          }
        },
        "403": {
          "headers": {
            "x-bce-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-bce-debug-id": {
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
                  "code",
                  "message",
                  "requestId"
                ],
                "properties": {
                  "code": {
                    "type": "string"
                  },
                  "message": {
                    "type": "string"
                  },
                  "requestId": {
                    "type": "string"
                  }
                }
              },
              "examples": {
                "AccessDenied": {
                  "code": "AccessDenied",
                  "message": "Access denied.",
                  "requestId": "4db2b34d-654d-4d8a-b49b-3049ca786409"
                },
                "InvalidAccessKeyId": {
                  "code": "InvalidAccessKeyId",
                  "message": "The Access Key ID you provided does not exist in our records.",
                  "requestId": "5e7f9a1b-3c4d-4e5f-a6b7-c8d9e0f1a2b3"
                },
                "AccountOverdue": {
                  "code": "AccountOverdue",
                  "message": "Your request is denied because there is an overdue bill of your account.",
                  "requestId": "6f8a0b2c-4d5e-4f6a-b7c8-d9e0f1a2b3c4"
                },
                "OptInRequired": {
                  "code": "OptInRequired",
                  "message": "A subscription for the service is required.",
                  "requestId": "7a9b1c3d-5e6f-4a7b-c8d9-e0f1a2b3c4d5"
                }
              }
            }
          }
        },
        "404": {
          "headers": {
            "x-bce-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-bce-debug-id": {
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
                  "code",
                  "message",
                  "requestId"
                ],
                "properties": {
                  "code": {
                    "type": "string"
                  },
                  "message": {
                    "type": "string"
                  },
                  "requestId": {
                    "type": "string"
                  }
                }
              },
              "examples": {
                "NoSuchBucket": {
                  "code": "NoSuchBucket",
                  "message": "The specified bucket does not exist.",
                  "requestId": "8b0c2d4e-6f7a-4b8c-d9e0-f1a2b3c4d5e6"
                },
                "InvalidVersion": {
                  "code": "InvalidVersion",
                  "message": "The API version specified was invalid.",
                  "requestId": "9c1d3e5f-7a8b-4c9d-e0f1-a2b3c4d5e6f7"
                }
              }
            }
          }
        },
        "412": {
          "headers": {
            "x-bce-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-bce-debug-id": {
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
                  "code",
                  "message",
                  "requestId"
                ],
                "properties": {
                  "code": {
                    "type": "string"
                  },
                  "message": {
                    "type": "string"
                  },
                  "requestId": {
                    "type": "string"
                  }
                }
              },
              "examples": {
                "PreconditionFailed": {
                  "code": "PreconditionFailed",
                  "message": "The specified If-Match header doesn't match the ETag header.",
                  "requestId": "0d2e4f6a-8b9c-4d0e-f1a2-b3c4d5e6f7a8"
                }
              }
            }
          }
        },
        "429": {
          "headers": {
            "x-bce-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-bce-debug-id": {
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
                  "code",
                  "message",
                  "requestId"
                ],
                "properties": {
                  "code": {
                    "type": "string"
                  },
                  "message": {
                    "type": "string"
                  },
                  "requestId": {
                    "type": "string"
                  }
                }
              },
              "examples": {
                "RequestRateLimitExceeded": {
                  "code": "RequestRateLimitExceeded",
                  "message": "Request rate limit exceeded.",
                  "requestId": "2f4a6b8c-0d1e-4f2a-b3c4-d5e6f7a8b9c0"
                }
              }
            }
          }
        },
        "500": {
          "headers": {
            "x-bce-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-bce-debug-id": {
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
                  "code",
                  "message",
                  "requestId"
                ],
                "properties": {
                  "code": {
                    "type": "string"
                  },
                  "message": {
                    "type": "string"
                  },
                  "requestId": {
                    "type": "string"
                  }
                }
              },
              "examples": {
                "InternalError": {
                  "code": "InternalError",
                  "message": "We encountered an internal error. Please try again.",
                  "requestId": "1e3f5a7b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"
                }
              }
            }
          }
        },
        "503": {
          "headers": {
            "x-bce-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-bce-debug-id": {
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
                  "code",
                  "message",
                  "requestId"
                ],
                "properties": {
                  "code": {
                    "type": "string"
                  },
                  "message": {
                    "type": "string"
                  },
                  "requestId": {
                    "type": "string"
                  }
                }
              },
              "examples": {
                "ServiceUnavailable": {
                  "code": "ServiceUnavailable",
                  "message": "Service is temporarily unavailable.",
                  "requestId": "3a5b7c9d-1e2f-4a3b-c4d5-e6f7a8b9c0d1"
                }
              }
            }
          }
        }
      },
      "security": [
        {
          "bceAuthV1": []
        }
      ]
    }
  },
  "errors": [
    {
      "code": "InvalidHTTPAuthHeader",
      "status": 400,
      "operations": [
        "GetBucketAcl",
        "GetBucketAclVirtualHosted"
      ],
      "mediaType": "application/json",
      "example": "InvalidHTTPAuthHeader",
      "body": {
        "code": "InvalidHTTPAuthHeader",
        "message": "The HTTP authorization header is invalid. Consult the service documentation for details.",
        "requestId": "6c2f5a1e-0b3d-4c8e-9f21-7a4d3b2e1c05"
      }
    },
    {
      "code": "SignatureDoesNotMatch",
      "status": 400,
      "operations": [
        "GetBucketAcl",
        "GetBucketAclVirtualHosted"
      ],
      "mediaType": "application/json",
      "example": "SignatureDoesNotMatch",
      "body": {
        "code": "SignatureDoesNotMatch",
        "message": "The request signature we calculated does not match the signature you provided. Check your Secret Access Key and signing method. Consult the service documentation for details.",
        "requestId": "1f3e5d7c-9b8a-4c6e-8d2f-0a1b2c3d4e5f"
      }
    },
    {
      "code": "RequestExpired",
      "status": 400,
      "operations": [
        "GetBucketAcl",
        "GetBucketAclVirtualHosted"
      ],
      "mediaType": "application/json",
      "example": "RequestExpired",
      "body": {
        "code": "RequestExpired",
        "message": "Request has expired. Timestamp date is 2015-04-27T08:23:49Z.",
        "requestId": "2a4c6e8f-0b1d-4f3a-9c5e-7d9f1b3d5f7a"
      }
    },
    {
      "code": "MalformedJSON",
      "status": 400,
      "operations": [
        "GetBucketAcl",
        "GetBucketAclVirtualHosted"
      ],
      "mediaType": "application/json",
      "example": "MalformedJSON",
      "body": {
        "code": "MalformedJSON",
        "message": "The JSON you provided was not well-formed.",
        "requestId": "3b5d7f9a-1c2e-4a4b-8d6f-8e0a2c4e6a8b"
      }
    },
    {
      "code": "InvalidURI",
      "status": 400,
      "operations": [
        "GetBucketAcl",
        "GetBucketAclVirtualHosted"
      ],
      "mediaType": "application/json",
      "example": "InvalidURI",
      "body": {
        "code": "InvalidURI",
        "message": "Could not parse the specified URI.",
        "requestId": "4c6e8a0b-2d3f-4b5c-9e7a-9f1b3d5e7a9c"
      }
    },
    {
      "code": "AccessDenied",
      "status": 403,
      "operations": [
        "GetBucketAcl",
        "GetBucketAclVirtualHosted"
      ],
      "mediaType": "application/json",
      "example": "AccessDenied",
      "body": {
        "code": "AccessDenied",
        "message": "Access denied.",
        "requestId": "4db2b34d-654d-4d8a-b49b-3049ca786409"
      }
    },
    {
      "code": "InvalidAccessKeyId",
      "status": 403,
      "operations": [
        "GetBucketAcl",
        "GetBucketAclVirtualHosted"
      ],
      "mediaType": "application/json",
      "example": "InvalidAccessKeyId",
      "body": {
        "code": "InvalidAccessKeyId",
        "message": "The Access Key ID you provided does not exist in our records.",
        "requestId": "5e7f9a1b-3c4d-4e5f-a6b7-c8d9e0f1a2b3"
      }
    },
    {
      "code": "AccountOverdue",
      "status": 403,
      "operations": [
        "GetBucketAcl",
        "GetBucketAclVirtualHosted"
      ],
      "mediaType": "application/json",
      "example": "AccountOverdue",
      "body": {
        "code": "AccountOverdue",
        "message": "Your request is denied because there is an overdue bill of your account.",
        "requestId": "6f8a0b2c-4d5e-4f6a-b7c8-d9e0f1a2b3c4"
      }
    },
    {
      "code": "OptInRequired",
      "status": 403,
      "operations": [
        "GetBucketAcl",
        "GetBucketAclVirtualHosted"
      ],
      "mediaType": "application/json",
      "example": "OptInRequired",
      "body": {
        "code": "OptInRequired",
        "message": "A subscription for the service is required.",
        "requestId": "7a9b1c3d-5e6f-4a7b-c8d9-e0f1a2b3c4d5"
      }
    },
    {
      "code": "NoSuchBucket",
      "status": 404,
      "operations": [
        "GetBucketAcl",
        "GetBucketAclVirtualHosted"
      ],
      "mediaType": "application/json",
      "example": "NoSuchBucket",
      "body": {
        "code": "NoSuchBucket",
        "message": "The specified bucket does not exist.",
        "requestId": "8b0c2d4e-6f7a-4b8c-d9e0-f1a2b3c4d5e6"
      }
    },
    {
      "code": "InvalidVersion",
      "status": 404,
      "operations": [
        "GetBucketAcl",
        "GetBucketAclVirtualHosted"
      ],
      "mediaType": "application/json",
      "example": "InvalidVersion",
      "body": {
        "code": "InvalidVersion",
        "message": "The API version specified was invalid.",
        "requestId": "9c1d3e5f-7a8b-4c9d-e0f1-a2b3c4d5e6f7"
      }
    },
    {
      "code": "PreconditionFailed",
      "status": 412,
      "operations": [
        "GetBucketAcl",
        "GetBucketAclVirtualHosted"
      ],
      "mediaType": "application/json",
      "example": "PreconditionFailed",
      "body": {
        "code": "PreconditionFailed",
        "message": "The specified If-Match header doesn't match the ETag header.",
        "requestId": "0d2e4f6a-8b9c-4d0e-f1a2-b3c4d5e6f7a8"
      }
    },
    {
      "code": "RequestRateLimitExceeded",
      "status": 429,
      "operations": [
        "GetBucketAcl",
        "GetBucketAclVirtualHosted"
      ],
      "mediaType": "application/json",
      "example": "RequestRateLimitExceeded",
      "body": {
        "code": "RequestRateLimitExceeded",
        "message": "Request rate limit exceeded.",
        "requestId": "2f4a6b8c-0d1e-4f2a-b3c4-d5e6f7a8b9c0"
      }
    },
    {
      "code": "InternalError",
      "status": 500,
      "operations": [
        "GetBucketAcl",
        "GetBucketAclVirtualHosted"
      ],
      "mediaType": "application/json",
      "example": "InternalError",
      "body": {
        "code": "InternalError",
        "message": "We encountered an internal error. Please try again.",
        "requestId": "1e3f5a7b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"
      }
    },
    {
      "code": "ServiceUnavailable",
      "status": 503,
      "operations": [
        "GetBucketAcl",
        "GetBucketAclVirtualHosted"
      ],
      "mediaType": "application/json",
      "example": "ServiceUnavailable",
      "body": {
        "code": "ServiceUnavailable",
        "message": "Service is temporarily unavailable.",
        "requestId": "3a5b7c9d-1e2f-4a3b-c4d5-e6f7a8b9c0d1"
      }
    }
  ]
};

/** `GET /v1/{bucketName}` — GetBucketAcl: Get Access Permission for a Bucket. Bound to the spec's servers and to `baseUrls`. */
export function getBucketAcl(runtime: MockRuntimeApi, baseUrls: readonly string[] = []): HttpHandler[] {
  return runtime.routes(spec, "GetBucketAcl", baseUrls).map((route) => http.get(route.pattern, (info) => runtime.handle(route, info.request)));
}

/** `GET /` — GetBucketAclVirtualHosted: Get Access Permission for a Bucket (virtual-hosted style). Bound to the spec's servers and to `baseUrls`. */
export function getBucketAclVirtualHosted(runtime: MockRuntimeApi, baseUrls: readonly string[] = []): HttpHandler[] {
  return runtime.routes(spec, "GetBucketAclVirtualHosted", baseUrls).map((route) => http.get(route.pattern, (info) => runtime.handle(route, info.request)));
}

/** Every handler of this spec, in spec order (each method-not-allowed catch-all after its operation). */
export function handlers(runtime: MockRuntimeApi, baseUrls: readonly string[] = []): HttpHandler[] {
  return [...getBucketAcl(runtime, baseUrls), ...getBucketAclVirtualHosted(runtime, baseUrls)];
}
