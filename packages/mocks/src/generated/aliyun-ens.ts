// generated from specs/aliyun-ens.yaml by scripts/generate-mocks.mjs; do not edit.
// Change the spec and run `npm run generate`; `npm test` fails when this file is stale.
// spec sha256: 94936f4f109b6e075dd5a5358411b31d6c532cdb41ad0463028cccc845baec66
import { http, type HttpHandler } from "msw";
import type { MockRuntimeApi } from "../adapter.js";
import type { VendorSpec } from "../types.js";

/** Alibaba Cloud ENS (Edge Node Service) — ListBuckets (specs/aliyun-ens.yaml, version 2017-11-10): operations, schemas, examples and documented errors. */
export const spec: VendorSpec = {
  "provider": "aliyun-ens",
  "source": "specs/aliyun-ens.yaml",
  "title": "Alibaba Cloud ENS (Edge Node Service) — ListBuckets",
  "version": "2017-11-10",
  "operations": {
    "ListBucketsByGet": {
      "operationId": "ListBucketsByGet",
      "method": "GET",
      "path": "/",
      "summary": "Queries all buckets of a user (GET)",
      "servers": [
        {
          "url": "https://ens.aliyuncs.com",
          "variables": {}
        },
        {
          "url": "https://ens.{regionId}.aliyuncs.com",
          "variables": {
            "regionId": {
              "default": "ap-southeast-1",
              "enum": [
                "ap-southeast-1"
              ]
            }
          }
        },
        {
          "url": "https://ens-vpc.cn-zhangjiakou.aliyuncs.com",
          "variables": {}
        },
        {
          "url": "https://ens.vpc-proxy.aliyuncs.com",
          "variables": {}
        },
        {
          "url": "https://ens-vpc.ap-southeast-1.aliyuncs.com",
          "variables": {}
        }
      ],
      "parameters": [
        {
          "name": "Action",
          "in": "query",
          "required": true,
          "schema": {
            "type": "string",
            "enum": [
              "ListBuckets"
            ],
            "default": "ListBuckets"
          }
        },
        {
          "name": "Version",
          "in": "query",
          "required": true,
          "schema": {
            "type": "string",
            "enum": [
              "2017-11-10"
            ],
            "default": "2017-11-10"
          }
        },
        {
          "name": "Prefix",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string"
          }
        },
        {
          "name": "PageNumber",
          "in": "query",
          "required": false,
          "schema": {
            "type": [
              "integer",
              "string"
            ],
            "minimum": 1,
            "pattern": "^[1-9][0-9]*$"
          }
        },
        {
          "name": "PageSize",
          "in": "query",
          "required": false,
          "schema": {
            "type": [
              "integer",
              "string"
            ],
            "minimum": 1,
            "maximum": 100,
            "default": 10,
            "pattern": "^(100|[1-9][0-9]?)$"
          }
        },
        {
          "name": "Format",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string",
            "enum": [
              "JSON",
              "XML",
              "json",
              "xml"
            ]
          }
        },
        {
          "name": "AccessKeyId",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string"
          }
        },
        {
          "name": "SignatureMethod",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string",
            "enum": [
              "HMAC-SHA1"
            ]
          }
        },
        {
          "name": "Timestamp",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string",
            "format": "date-time"
          }
        },
        {
          "name": "SignatureVersion",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string",
            "enum": [
              "1.0"
            ]
          }
        },
        {
          "name": "SignatureNonce",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string"
          }
        },
        {
          "name": "SecurityToken",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string"
          }
        },
        {
          "name": "x-acs-action",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "enum": [
              "ListBuckets"
            ]
          }
        },
        {
          "name": "x-acs-version",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "enum": [
              "2017-11-10"
            ]
          }
        },
        {
          "name": "x-acs-date",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "format": "date-time"
          }
        },
        {
          "name": "x-acs-signature-nonce",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string"
          }
        },
        {
          "name": "x-acs-content-sha256",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "pattern": "^[0-9a-f]{64}$"
          }
        },
        {
          "name": "x-acs-security-token",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string"
          }
        },
        {
          "name": "x-acs-accesskey-id",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string"
          }
        },
        {
          "name": "Accept",
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
            "x-acs-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-acs-trace-id": {
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
                  "RequestId"
                ],
                "properties": {
                  "RequestId": {
                    "type": "string"
                  },
                  "BucketInfos": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "BucketAcl": {
                          "type": "string",
                          "enum": [
                            "public-read-write",
                            "public-read",
                            "private"
                          ],
                          "default": "private"
                        },
                        "BucketName": {
                          "type": "string"
                        },
                        "Comment": {
                          "type": "string"
                        },
                        "CreateTime": {
                          "type": "string",
                          "format": "date-time"
                        },
                        "LogicalBucketType": {
                          "type": "string"
                        },
                        "ModifyTime": {
                          "type": "string",
                          "format": "date-time"
                        },
                        "EnsRegionId": {
                          "type": "string"
                        }
                      }
                    }
                  },
                  "TotalCount": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 0
                  }
                }
              },
              "examples": {
                "success": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "BucketInfos": [
                    {
                      "BucketAcl": "private",
                      "BucketName": "test",
                      "Comment": "numb",
                      "CreateTime": "2022-10-12T05:45:00Z",
                      "LogicalBucketType": "sink",
                      "ModifyTime": "2022-10-12T06:45:00Z",
                      "EnsRegionId": "cn-dalian-unicom"
                    }
                  ],
                  "TotalCount": 1
                }
              }
            }
          }
        },
        "400": {
          "headers": {
            "x-acs-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-acs-trace-id": {
              "required": false,
              "schema": {
                "type": "string"
              }
            },
            "x-acs-retry-after": {
              "required": false,
              "schema": {
                "type": "integer",
                "minimum": 0
              }
            }
          },
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "RequestId",
                  "Code",
                  "Message"
                ],
                "properties": {
                  "RequestId": {
                    "type": "string"
                  },
                  "HostId": {
                    "type": "string"
                  },
                  "Code": {
                    "type": "string"
                  },
                  "Message": {
                    "type": "string"
                  },
                  "Recommend": {
                    "type": "string",
                    "format": "uri"
                  },
                  "AccessDeniedDetail": {
                    "type": "object",
                    "properties": {
                      "AuthAction": {
                        "type": "string"
                      },
                      "AuthPrincipalType": {
                        "type": "string"
                      },
                      "AuthPrincipalOwnerId": {
                        "type": "string"
                      },
                      "AuthPrincipalDisplayName": {
                        "type": "string"
                      },
                      "NoPermissionType": {
                        "type": "string"
                      },
                      "PolicyType": {
                        "type": "string"
                      },
                      "EncodedDiagnosticMessage": {
                        "type": "string"
                      }
                    }
                  }
                }
              },
              "examples": {
                "MissingParameter": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "MissingParameter",
                  "Message": "MissingParameter",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=MissingParameter&product=Ens"
                },
                "NoPermission": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "NoPermission",
                  "Message": "Permission denied.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=NoPermission&product=Ens"
                },
                "InvalidParameter": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "InvalidParameter.PageSize",
                  "Message": "The specified field PageSize invalid. Please check it again.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidParameter.PageSize&product=Ens"
                },
                "Throttling": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "Throttling",
                  "Message": "Request was denied due to request throttling."
                },
                "InvalidAccessKeyId.Inactive": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "InvalidAccessKeyId.Inactive",
                  "Message": "Specified access key is disabled.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidAccessKeyId.Inactive&product=Ens"
                },
                "SignatureDoesNotMatch": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "SignatureDoesNotMatch",
                  "Message": "Specified signature is not matched with our calculation.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=SignatureDoesNotMatch&product=Ens"
                },
                "IncompleteSignature": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "IncompleteSignature",
                  "Message": "The request signature does not conform to Aliyun standards.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=IncompleteSignature&product=Ens"
                },
                "InvalidTimeStamp.Expired": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "InvalidTimeStamp.Expired",
                  "Message": "Specified time stamp or date value is expired.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidTimeStamp.Expired&product=Ens"
                },
                "InvalidTimeStamp.Format": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "InvalidTimeStamp.Format",
                  "Message": "Specified time stamp or date value is not well formatted.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidTimeStamp.Format&product=Ens"
                },
                "SignatureNonceUsed": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "SignatureNonceUsed",
                  "Message": "Specified signature nonce was used already.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=SignatureNonceUsed&product=Ens"
                },
                "InvalidSecurityToken.Expired": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "InvalidSecurityToken.Expired",
                  "Message": "Specified SecurityToken is expired.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidSecurityToken.Expired&product=Ens"
                },
                "InvalidSecurityToken.Malformed": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "InvalidSecurityToken.Malformed",
                  "Message": "Specified SecurityToken is malformed.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidSecurityToken.Malformed&product=Ens"
                },
                "InvalidSecurityToken.MismatchWithAccessKey": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "InvalidSecurityToken.MismatchWithAccessKey",
                  "Message": "Specified SecurityToken mismatch with the AccessKey.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidSecurityToken.MismatchWithAccessKey&product=Ens"
                },
                "IllegalTimestamp": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "IllegalTimestamp",
                  "Message": "The input parameter \"Timestamp\" that is mandatory for processing this request is not supplied.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=IllegalTimestamp&product=Ens"
                }
              }
            }
          }
        },
        "403": {
          "headers": {
            "x-acs-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-acs-trace-id": {
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
                  "RequestId",
                  "Code",
                  "Message"
                ],
                "properties": {
                  "RequestId": {
                    "type": "string"
                  },
                  "HostId": {
                    "type": "string"
                  },
                  "Code": {
                    "type": "string"
                  },
                  "Message": {
                    "type": "string"
                  },
                  "Recommend": {
                    "type": "string",
                    "format": "uri"
                  },
                  "AccessDeniedDetail": {
                    "type": "object",
                    "properties": {
                      "AuthAction": {
                        "type": "string"
                      },
                      "AuthPrincipalType": {
                        "type": "string"
                      },
                      "AuthPrincipalOwnerId": {
                        "type": "string"
                      },
                      "AuthPrincipalDisplayName": {
                        "type": "string"
                      },
                      "NoPermissionType": {
                        "type": "string"
                      },
                      "PolicyType": {
                        "type": "string"
                      },
                      "EncodedDiagnosticMessage": {
                        "type": "string"
                      }
                    }
                  }
                }
              },
              "examples": {
                "AccessDenied": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "AccessDenied",
                  "Message": "auth is not valid",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=AccessDenied&product=Ens"
                },
                "UserDisable": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "UserDisable",
                  "Message": "The user has been disabled due to arrears.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=UserDisable&product=Ens"
                },
                "Forbidden.RAM": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "Forbidden.RAM",
                  "Message": "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=Forbidden.RAM&product=Ens"
                },
                "Forbidden": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "Forbidden",
                  "Message": "User not authorized to operate on the specified resource.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=Forbidden&product=Ens"
                }
              }
            }
          }
        },
        "404": {
          "headers": {
            "x-acs-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-acs-trace-id": {
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
                  "RequestId",
                  "Code",
                  "Message"
                ],
                "properties": {
                  "RequestId": {
                    "type": "string"
                  },
                  "HostId": {
                    "type": "string"
                  },
                  "Code": {
                    "type": "string"
                  },
                  "Message": {
                    "type": "string"
                  },
                  "Recommend": {
                    "type": "string",
                    "format": "uri"
                  },
                  "AccessDeniedDetail": {
                    "type": "object",
                    "properties": {
                      "AuthAction": {
                        "type": "string"
                      },
                      "AuthPrincipalType": {
                        "type": "string"
                      },
                      "AuthPrincipalOwnerId": {
                        "type": "string"
                      },
                      "AuthPrincipalDisplayName": {
                        "type": "string"
                      },
                      "NoPermissionType": {
                        "type": "string"
                      },
                      "PolicyType": {
                        "type": "string"
                      },
                      "EncodedDiagnosticMessage": {
                        "type": "string"
                      }
                    }
                  }
                }
              },
              "examples": {
                "NoSuchBucket": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "NoSuchBucket",
                  "Message": "The specified bucket does not exist",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=NoSuchBucket&product=Ens"
                },
                "InvalidAccessKeyId.NotFound": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "InvalidAccessKeyId.NotFound",
                  "Message": "Specified access key is not found.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidAccessKeyId.NotFound&product=Ens"
                }
              }
            }
          }
        },
        "429": {
          "headers": {
            "x-acs-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-acs-trace-id": {
              "required": false,
              "schema": {
                "type": "string"
              }
            },
            "x-acs-retry-after": {
              "required": false,
              "schema": {
                "type": "integer",
                "minimum": 0
              }
            }
          },
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "RequestId",
                  "Code",
                  "Message"
                ],
                "properties": {
                  "RequestId": {
                    "type": "string"
                  },
                  "HostId": {
                    "type": "string"
                  },
                  "Code": {
                    "type": "string"
                  },
                  "Message": {
                    "type": "string"
                  },
                  "Recommend": {
                    "type": "string",
                    "format": "uri"
                  },
                  "AccessDeniedDetail": {
                    "type": "object",
                    "properties": {
                      "AuthAction": {
                        "type": "string"
                      },
                      "AuthPrincipalType": {
                        "type": "string"
                      },
                      "AuthPrincipalOwnerId": {
                        "type": "string"
                      },
                      "AuthPrincipalDisplayName": {
                        "type": "string"
                      },
                      "NoPermissionType": {
                        "type": "string"
                      },
                      "PolicyType": {
                        "type": "string"
                      },
                      "EncodedDiagnosticMessage": {
                        "type": "string"
                      }
                    }
                  }
                }
              },
              "examples": {
                "Throttling.User": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "Throttling.User",
                  "Message": "Request was denied due to user flow control.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=Throttling.User&product=Ens"
                },
                "Throttling.Api": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "Throttling.Api",
                  "Message": "Request was denied due to api flow control.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=Throttling.Api&product=Ens"
                }
              }
            }
          }
        },
        "500": {
          "headers": {
            "x-acs-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-acs-trace-id": {
              "required": false,
              "schema": {
                "type": "string"
              }
            },
            "x-acs-retry-after": {
              "required": false,
              "schema": {
                "type": "integer",
                "minimum": 0
              }
            }
          },
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "RequestId",
                  "Code",
                  "Message"
                ],
                "properties": {
                  "RequestId": {
                    "type": "string"
                  },
                  "HostId": {
                    "type": "string"
                  },
                  "Code": {
                    "type": "string"
                  },
                  "Message": {
                    "type": "string"
                  },
                  "Recommend": {
                    "type": "string",
                    "format": "uri"
                  },
                  "AccessDeniedDetail": {
                    "type": "object",
                    "properties": {
                      "AuthAction": {
                        "type": "string"
                      },
                      "AuthPrincipalType": {
                        "type": "string"
                      },
                      "AuthPrincipalOwnerId": {
                        "type": "string"
                      },
                      "AuthPrincipalDisplayName": {
                        "type": "string"
                      },
                      "NoPermissionType": {
                        "type": "string"
                      },
                      "PolicyType": {
                        "type": "string"
                      },
                      "EncodedDiagnosticMessage": {
                        "type": "string"
                      }
                    }
                  }
                }
              },
              "examples": {
                "InternalError": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "InternalError",
                  "Message": "The request processing has failed due to some unknown error, exception or failure."
                }
              }
            }
          }
        },
        "503": {
          "headers": {
            "x-acs-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-acs-trace-id": {
              "required": false,
              "schema": {
                "type": "string"
              }
            },
            "x-acs-retry-after": {
              "required": false,
              "schema": {
                "type": "integer",
                "minimum": 0
              }
            }
          },
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "RequestId",
                  "Code",
                  "Message"
                ],
                "properties": {
                  "RequestId": {
                    "type": "string"
                  },
                  "HostId": {
                    "type": "string"
                  },
                  "Code": {
                    "type": "string"
                  },
                  "Message": {
                    "type": "string"
                  },
                  "Recommend": {
                    "type": "string",
                    "format": "uri"
                  },
                  "AccessDeniedDetail": {
                    "type": "object",
                    "properties": {
                      "AuthAction": {
                        "type": "string"
                      },
                      "AuthPrincipalType": {
                        "type": "string"
                      },
                      "AuthPrincipalOwnerId": {
                        "type": "string"
                      },
                      "AuthPrincipalDisplayName": {
                        "type": "string"
                      },
                      "NoPermissionType": {
                        "type": "string"
                      },
                      "PolicyType": {
                        "type": "string"
                      },
                      "EncodedDiagnosticMessage": {
                        "type": "string"
                      }
                    }
                  }
                }
              },
              "examples": {
                "ServiceUnavailable": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "ServiceUnavailable",
                  "Message": "The request has failed due to a temporary failure of the server."
                }
              }
            }
          }
        }
      },
      "security": [
        {
          "Acs3HmacSha256": []
        },
        {
          "RpcV2HmacSha1": []
        }
      ]
    },
    "ListBuckets": {
      "operationId": "ListBuckets",
      "method": "POST",
      "path": "/",
      "summary": "Queries all buckets of a user (POST, the official SDK's default)",
      "servers": [
        {
          "url": "https://ens.aliyuncs.com",
          "variables": {}
        },
        {
          "url": "https://ens.{regionId}.aliyuncs.com",
          "variables": {
            "regionId": {
              "default": "ap-southeast-1",
              "enum": [
                "ap-southeast-1"
              ]
            }
          }
        },
        {
          "url": "https://ens-vpc.cn-zhangjiakou.aliyuncs.com",
          "variables": {}
        },
        {
          "url": "https://ens.vpc-proxy.aliyuncs.com",
          "variables": {}
        },
        {
          "url": "https://ens-vpc.ap-southeast-1.aliyuncs.com",
          "variables": {}
        }
      ],
      "parameters": [
        {
          "name": "Action",
          "in": "query",
          "required": true,
          "schema": {
            "type": "string",
            "enum": [
              "ListBuckets"
            ],
            "default": "ListBuckets"
          }
        },
        {
          "name": "Version",
          "in": "query",
          "required": true,
          "schema": {
            "type": "string",
            "enum": [
              "2017-11-10"
            ],
            "default": "2017-11-10"
          }
        },
        {
          "name": "Prefix",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string"
          }
        },
        {
          "name": "PageNumber",
          "in": "query",
          "required": false,
          "schema": {
            "type": [
              "integer",
              "string"
            ],
            "minimum": 1,
            "pattern": "^[1-9][0-9]*$"
          }
        },
        {
          "name": "PageSize",
          "in": "query",
          "required": false,
          "schema": {
            "type": [
              "integer",
              "string"
            ],
            "minimum": 1,
            "maximum": 100,
            "default": 10,
            "pattern": "^(100|[1-9][0-9]?)$"
          }
        },
        {
          "name": "Format",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string",
            "enum": [
              "JSON",
              "XML",
              "json",
              "xml"
            ]
          }
        },
        {
          "name": "AccessKeyId",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string"
          }
        },
        {
          "name": "SignatureMethod",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string",
            "enum": [
              "HMAC-SHA1"
            ]
          }
        },
        {
          "name": "Timestamp",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string",
            "format": "date-time"
          }
        },
        {
          "name": "SignatureVersion",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string",
            "enum": [
              "1.0"
            ]
          }
        },
        {
          "name": "SignatureNonce",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string"
          }
        },
        {
          "name": "SecurityToken",
          "in": "query",
          "required": false,
          "schema": {
            "type": "string"
          }
        },
        {
          "name": "x-acs-action",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "enum": [
              "ListBuckets"
            ]
          }
        },
        {
          "name": "x-acs-version",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "enum": [
              "2017-11-10"
            ]
          }
        },
        {
          "name": "x-acs-date",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "format": "date-time"
          }
        },
        {
          "name": "x-acs-signature-nonce",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string"
          }
        },
        {
          "name": "x-acs-content-sha256",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "pattern": "^[0-9a-f]{64}$"
          }
        },
        {
          "name": "x-acs-security-token",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string"
          }
        },
        {
          "name": "x-acs-accesskey-id",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string"
          }
        },
        {
          "name": "Accept",
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
            "x-acs-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-acs-trace-id": {
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
                  "RequestId"
                ],
                "properties": {
                  "RequestId": {
                    "type": "string"
                  },
                  "BucketInfos": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "BucketAcl": {
                          "type": "string",
                          "enum": [
                            "public-read-write",
                            "public-read",
                            "private"
                          ],
                          "default": "private"
                        },
                        "BucketName": {
                          "type": "string"
                        },
                        "Comment": {
                          "type": "string"
                        },
                        "CreateTime": {
                          "type": "string",
                          "format": "date-time"
                        },
                        "LogicalBucketType": {
                          "type": "string"
                        },
                        "ModifyTime": {
                          "type": "string",
                          "format": "date-time"
                        },
                        "EnsRegionId": {
                          "type": "string"
                        }
                      }
                    }
                  },
                  "TotalCount": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 0
                  }
                }
              },
              "examples": {
                "success": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "BucketInfos": [
                    {
                      "BucketAcl": "private",
                      "BucketName": "test",
                      "Comment": "numb",
                      "CreateTime": "2022-10-12T05:45:00Z",
                      "LogicalBucketType": "sink",
                      "ModifyTime": "2022-10-12T06:45:00Z",
                      "EnsRegionId": "cn-dalian-unicom"
                    }
                  ],
                  "TotalCount": 1
                }
              }
            }
          }
        },
        "400": {
          "headers": {
            "x-acs-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-acs-trace-id": {
              "required": false,
              "schema": {
                "type": "string"
              }
            },
            "x-acs-retry-after": {
              "required": false,
              "schema": {
                "type": "integer",
                "minimum": 0
              }
            }
          },
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "RequestId",
                  "Code",
                  "Message"
                ],
                "properties": {
                  "RequestId": {
                    "type": "string"
                  },
                  "HostId": {
                    "type": "string"
                  },
                  "Code": {
                    "type": "string"
                  },
                  "Message": {
                    "type": "string"
                  },
                  "Recommend": {
                    "type": "string",
                    "format": "uri"
                  },
                  "AccessDeniedDetail": {
                    "type": "object",
                    "properties": {
                      "AuthAction": {
                        "type": "string"
                      },
                      "AuthPrincipalType": {
                        "type": "string"
                      },
                      "AuthPrincipalOwnerId": {
                        "type": "string"
                      },
                      "AuthPrincipalDisplayName": {
                        "type": "string"
                      },
                      "NoPermissionType": {
                        "type": "string"
                      },
                      "PolicyType": {
                        "type": "string"
                      },
                      "EncodedDiagnosticMessage": {
                        "type": "string"
                      }
                    }
                  }
                }
              },
              "examples": {
                "MissingParameter": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "MissingParameter",
                  "Message": "MissingParameter",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=MissingParameter&product=Ens"
                },
                "NoPermission": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "NoPermission",
                  "Message": "Permission denied.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=NoPermission&product=Ens"
                },
                "InvalidParameter": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "InvalidParameter.PageSize",
                  "Message": "The specified field PageSize invalid. Please check it again.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidParameter.PageSize&product=Ens"
                },
                "Throttling": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "Throttling",
                  "Message": "Request was denied due to request throttling."
                },
                "InvalidAccessKeyId.Inactive": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "InvalidAccessKeyId.Inactive",
                  "Message": "Specified access key is disabled.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidAccessKeyId.Inactive&product=Ens"
                },
                "SignatureDoesNotMatch": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "SignatureDoesNotMatch",
                  "Message": "Specified signature is not matched with our calculation.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=SignatureDoesNotMatch&product=Ens"
                },
                "IncompleteSignature": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "IncompleteSignature",
                  "Message": "The request signature does not conform to Aliyun standards.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=IncompleteSignature&product=Ens"
                },
                "InvalidTimeStamp.Expired": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "InvalidTimeStamp.Expired",
                  "Message": "Specified time stamp or date value is expired.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidTimeStamp.Expired&product=Ens"
                },
                "InvalidTimeStamp.Format": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "InvalidTimeStamp.Format",
                  "Message": "Specified time stamp or date value is not well formatted.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidTimeStamp.Format&product=Ens"
                },
                "SignatureNonceUsed": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "SignatureNonceUsed",
                  "Message": "Specified signature nonce was used already.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=SignatureNonceUsed&product=Ens"
                },
                "InvalidSecurityToken.Expired": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "InvalidSecurityToken.Expired",
                  "Message": "Specified SecurityToken is expired.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidSecurityToken.Expired&product=Ens"
                },
                "InvalidSecurityToken.Malformed": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "InvalidSecurityToken.Malformed",
                  "Message": "Specified SecurityToken is malformed.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidSecurityToken.Malformed&product=Ens"
                },
                "InvalidSecurityToken.MismatchWithAccessKey": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "InvalidSecurityToken.MismatchWithAccessKey",
                  "Message": "Specified SecurityToken mismatch with the AccessKey.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidSecurityToken.MismatchWithAccessKey&product=Ens"
                },
                "IllegalTimestamp": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "IllegalTimestamp",
                  "Message": "The input parameter \"Timestamp\" that is mandatory for processing this request is not supplied.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=IllegalTimestamp&product=Ens"
                }
              }
            }
          }
        },
        "403": {
          "headers": {
            "x-acs-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-acs-trace-id": {
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
                  "RequestId",
                  "Code",
                  "Message"
                ],
                "properties": {
                  "RequestId": {
                    "type": "string"
                  },
                  "HostId": {
                    "type": "string"
                  },
                  "Code": {
                    "type": "string"
                  },
                  "Message": {
                    "type": "string"
                  },
                  "Recommend": {
                    "type": "string",
                    "format": "uri"
                  },
                  "AccessDeniedDetail": {
                    "type": "object",
                    "properties": {
                      "AuthAction": {
                        "type": "string"
                      },
                      "AuthPrincipalType": {
                        "type": "string"
                      },
                      "AuthPrincipalOwnerId": {
                        "type": "string"
                      },
                      "AuthPrincipalDisplayName": {
                        "type": "string"
                      },
                      "NoPermissionType": {
                        "type": "string"
                      },
                      "PolicyType": {
                        "type": "string"
                      },
                      "EncodedDiagnosticMessage": {
                        "type": "string"
                      }
                    }
                  }
                }
              },
              "examples": {
                "AccessDenied": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "AccessDenied",
                  "Message": "auth is not valid",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=AccessDenied&product=Ens"
                },
                "UserDisable": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "UserDisable",
                  "Message": "The user has been disabled due to arrears.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=UserDisable&product=Ens"
                },
                "Forbidden.RAM": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "Forbidden.RAM",
                  "Message": "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=Forbidden.RAM&product=Ens"
                },
                "Forbidden": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "Forbidden",
                  "Message": "User not authorized to operate on the specified resource.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=Forbidden&product=Ens"
                }
              }
            }
          }
        },
        "404": {
          "headers": {
            "x-acs-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-acs-trace-id": {
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
                  "RequestId",
                  "Code",
                  "Message"
                ],
                "properties": {
                  "RequestId": {
                    "type": "string"
                  },
                  "HostId": {
                    "type": "string"
                  },
                  "Code": {
                    "type": "string"
                  },
                  "Message": {
                    "type": "string"
                  },
                  "Recommend": {
                    "type": "string",
                    "format": "uri"
                  },
                  "AccessDeniedDetail": {
                    "type": "object",
                    "properties": {
                      "AuthAction": {
                        "type": "string"
                      },
                      "AuthPrincipalType": {
                        "type": "string"
                      },
                      "AuthPrincipalOwnerId": {
                        "type": "string"
                      },
                      "AuthPrincipalDisplayName": {
                        "type": "string"
                      },
                      "NoPermissionType": {
                        "type": "string"
                      },
                      "PolicyType": {
                        "type": "string"
                      },
                      "EncodedDiagnosticMessage": {
                        "type": "string"
                      }
                    }
                  }
                }
              },
              "examples": {
                "NoSuchBucket": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "NoSuchBucket",
                  "Message": "The specified bucket does not exist",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=NoSuchBucket&product=Ens"
                },
                "InvalidAccessKeyId.NotFound": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "InvalidAccessKeyId.NotFound",
                  "Message": "Specified access key is not found.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidAccessKeyId.NotFound&product=Ens"
                }
              }
            }
          }
        },
        "429": {
          "headers": {
            "x-acs-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-acs-trace-id": {
              "required": false,
              "schema": {
                "type": "string"
              }
            },
            "x-acs-retry-after": {
              "required": false,
              "schema": {
                "type": "integer",
                "minimum": 0
              }
            }
          },
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "RequestId",
                  "Code",
                  "Message"
                ],
                "properties": {
                  "RequestId": {
                    "type": "string"
                  },
                  "HostId": {
                    "type": "string"
                  },
                  "Code": {
                    "type": "string"
                  },
                  "Message": {
                    "type": "string"
                  },
                  "Recommend": {
                    "type": "string",
                    "format": "uri"
                  },
                  "AccessDeniedDetail": {
                    "type": "object",
                    "properties": {
                      "AuthAction": {
                        "type": "string"
                      },
                      "AuthPrincipalType": {
                        "type": "string"
                      },
                      "AuthPrincipalOwnerId": {
                        "type": "string"
                      },
                      "AuthPrincipalDisplayName": {
                        "type": "string"
                      },
                      "NoPermissionType": {
                        "type": "string"
                      },
                      "PolicyType": {
                        "type": "string"
                      },
                      "EncodedDiagnosticMessage": {
                        "type": "string"
                      }
                    }
                  }
                }
              },
              "examples": {
                "Throttling.User": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "Throttling.User",
                  "Message": "Request was denied due to user flow control.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=Throttling.User&product=Ens"
                },
                "Throttling.Api": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "Throttling.Api",
                  "Message": "Request was denied due to api flow control.",
                  "Recommend": "https://next.api.aliyun.com/troubleshoot?q=Throttling.Api&product=Ens"
                }
              }
            }
          }
        },
        "500": {
          "headers": {
            "x-acs-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-acs-trace-id": {
              "required": false,
              "schema": {
                "type": "string"
              }
            },
            "x-acs-retry-after": {
              "required": false,
              "schema": {
                "type": "integer",
                "minimum": 0
              }
            }
          },
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "RequestId",
                  "Code",
                  "Message"
                ],
                "properties": {
                  "RequestId": {
                    "type": "string"
                  },
                  "HostId": {
                    "type": "string"
                  },
                  "Code": {
                    "type": "string"
                  },
                  "Message": {
                    "type": "string"
                  },
                  "Recommend": {
                    "type": "string",
                    "format": "uri"
                  },
                  "AccessDeniedDetail": {
                    "type": "object",
                    "properties": {
                      "AuthAction": {
                        "type": "string"
                      },
                      "AuthPrincipalType": {
                        "type": "string"
                      },
                      "AuthPrincipalOwnerId": {
                        "type": "string"
                      },
                      "AuthPrincipalDisplayName": {
                        "type": "string"
                      },
                      "NoPermissionType": {
                        "type": "string"
                      },
                      "PolicyType": {
                        "type": "string"
                      },
                      "EncodedDiagnosticMessage": {
                        "type": "string"
                      }
                    }
                  }
                }
              },
              "examples": {
                "InternalError": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "InternalError",
                  "Message": "The request processing has failed due to some unknown error, exception or failure."
                }
              }
            }
          }
        },
        "503": {
          "headers": {
            "x-acs-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-acs-trace-id": {
              "required": false,
              "schema": {
                "type": "string"
              }
            },
            "x-acs-retry-after": {
              "required": false,
              "schema": {
                "type": "integer",
                "minimum": 0
              }
            }
          },
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "RequestId",
                  "Code",
                  "Message"
                ],
                "properties": {
                  "RequestId": {
                    "type": "string"
                  },
                  "HostId": {
                    "type": "string"
                  },
                  "Code": {
                    "type": "string"
                  },
                  "Message": {
                    "type": "string"
                  },
                  "Recommend": {
                    "type": "string",
                    "format": "uri"
                  },
                  "AccessDeniedDetail": {
                    "type": "object",
                    "properties": {
                      "AuthAction": {
                        "type": "string"
                      },
                      "AuthPrincipalType": {
                        "type": "string"
                      },
                      "AuthPrincipalOwnerId": {
                        "type": "string"
                      },
                      "AuthPrincipalDisplayName": {
                        "type": "string"
                      },
                      "NoPermissionType": {
                        "type": "string"
                      },
                      "PolicyType": {
                        "type": "string"
                      },
                      "EncodedDiagnosticMessage": {
                        "type": "string"
                      }
                    }
                  }
                }
              },
              "examples": {
                "ServiceUnavailable": {
                  "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
                  "HostId": "ens.aliyuncs.com",
                  "Code": "ServiceUnavailable",
                  "Message": "The request has failed due to a temporary failure of the server."
                }
              }
            }
          }
        }
      },
      "security": [
        {
          "Acs3HmacSha256": []
        },
        {
          "RpcV2HmacSha1": []
        }
      ]
    }
  },
  "errors": [
    {
      "code": "MissingParameter",
      "status": 400,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "MissingParameter",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "MissingParameter",
        "Message": "MissingParameter",
        "Recommend": "https://next.api.aliyun.com/troubleshoot?q=MissingParameter&product=Ens"
      }
    },
    {
      "code": "NoPermission",
      "status": 400,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "NoPermission",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "NoPermission",
        "Message": "Permission denied.",
        "Recommend": "https://next.api.aliyun.com/troubleshoot?q=NoPermission&product=Ens"
      }
    },
    {
      "code": "InvalidParameter.PageSize",
      "status": 400,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "InvalidParameter",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "InvalidParameter.PageSize",
        "Message": "The specified field PageSize invalid. Please check it again.",
        "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidParameter.PageSize&product=Ens"
      }
    },
    {
      "code": "Throttling",
      "status": 400,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "Throttling",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "Throttling",
        "Message": "Request was denied due to request throttling."
      }
    },
    {
      "code": "InvalidAccessKeyId.Inactive",
      "status": 400,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "InvalidAccessKeyId.Inactive",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "InvalidAccessKeyId.Inactive",
        "Message": "Specified access key is disabled.",
        "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidAccessKeyId.Inactive&product=Ens"
      }
    },
    {
      "code": "SignatureDoesNotMatch",
      "status": 400,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "SignatureDoesNotMatch",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "SignatureDoesNotMatch",
        "Message": "Specified signature is not matched with our calculation.",
        "Recommend": "https://next.api.aliyun.com/troubleshoot?q=SignatureDoesNotMatch&product=Ens"
      }
    },
    {
      "code": "IncompleteSignature",
      "status": 400,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "IncompleteSignature",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "IncompleteSignature",
        "Message": "The request signature does not conform to Aliyun standards.",
        "Recommend": "https://next.api.aliyun.com/troubleshoot?q=IncompleteSignature&product=Ens"
      }
    },
    {
      "code": "InvalidTimeStamp.Expired",
      "status": 400,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "InvalidTimeStamp.Expired",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "InvalidTimeStamp.Expired",
        "Message": "Specified time stamp or date value is expired.",
        "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidTimeStamp.Expired&product=Ens"
      }
    },
    {
      "code": "InvalidTimeStamp.Format",
      "status": 400,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "InvalidTimeStamp.Format",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "InvalidTimeStamp.Format",
        "Message": "Specified time stamp or date value is not well formatted.",
        "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidTimeStamp.Format&product=Ens"
      }
    },
    {
      "code": "SignatureNonceUsed",
      "status": 400,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "SignatureNonceUsed",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "SignatureNonceUsed",
        "Message": "Specified signature nonce was used already.",
        "Recommend": "https://next.api.aliyun.com/troubleshoot?q=SignatureNonceUsed&product=Ens"
      }
    },
    {
      "code": "InvalidSecurityToken.Expired",
      "status": 400,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "InvalidSecurityToken.Expired",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "InvalidSecurityToken.Expired",
        "Message": "Specified SecurityToken is expired.",
        "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidSecurityToken.Expired&product=Ens"
      }
    },
    {
      "code": "InvalidSecurityToken.Malformed",
      "status": 400,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "InvalidSecurityToken.Malformed",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "InvalidSecurityToken.Malformed",
        "Message": "Specified SecurityToken is malformed.",
        "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidSecurityToken.Malformed&product=Ens"
      }
    },
    {
      "code": "InvalidSecurityToken.MismatchWithAccessKey",
      "status": 400,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "InvalidSecurityToken.MismatchWithAccessKey",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "InvalidSecurityToken.MismatchWithAccessKey",
        "Message": "Specified SecurityToken mismatch with the AccessKey.",
        "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidSecurityToken.MismatchWithAccessKey&product=Ens"
      }
    },
    {
      "code": "IllegalTimestamp",
      "status": 400,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "IllegalTimestamp",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "IllegalTimestamp",
        "Message": "The input parameter \"Timestamp\" that is mandatory for processing this request is not supplied.",
        "Recommend": "https://next.api.aliyun.com/troubleshoot?q=IllegalTimestamp&product=Ens"
      }
    },
    {
      "code": "AccessDenied",
      "status": 403,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "AccessDenied",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "AccessDenied",
        "Message": "auth is not valid",
        "Recommend": "https://next.api.aliyun.com/troubleshoot?q=AccessDenied&product=Ens"
      }
    },
    {
      "code": "UserDisable",
      "status": 403,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "UserDisable",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "UserDisable",
        "Message": "The user has been disabled due to arrears.",
        "Recommend": "https://next.api.aliyun.com/troubleshoot?q=UserDisable&product=Ens"
      }
    },
    {
      "code": "Forbidden.RAM",
      "status": 403,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "Forbidden.RAM",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "Forbidden.RAM",
        "Message": "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
        "Recommend": "https://next.api.aliyun.com/troubleshoot?q=Forbidden.RAM&product=Ens"
      }
    },
    {
      "code": "Forbidden",
      "status": 403,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "Forbidden",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "Forbidden",
        "Message": "User not authorized to operate on the specified resource.",
        "Recommend": "https://next.api.aliyun.com/troubleshoot?q=Forbidden&product=Ens"
      }
    },
    {
      "code": "NoSuchBucket",
      "status": 404,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "NoSuchBucket",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "NoSuchBucket",
        "Message": "The specified bucket does not exist",
        "Recommend": "https://next.api.aliyun.com/troubleshoot?q=NoSuchBucket&product=Ens"
      }
    },
    {
      "code": "InvalidAccessKeyId.NotFound",
      "status": 404,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "InvalidAccessKeyId.NotFound",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "InvalidAccessKeyId.NotFound",
        "Message": "Specified access key is not found.",
        "Recommend": "https://next.api.aliyun.com/troubleshoot?q=InvalidAccessKeyId.NotFound&product=Ens"
      }
    },
    {
      "code": "Throttling.User",
      "status": 429,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "Throttling.User",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "Throttling.User",
        "Message": "Request was denied due to user flow control.",
        "Recommend": "https://next.api.aliyun.com/troubleshoot?q=Throttling.User&product=Ens"
      }
    },
    {
      "code": "Throttling.Api",
      "status": 429,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "Throttling.Api",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "Throttling.Api",
        "Message": "Request was denied due to api flow control.",
        "Recommend": "https://next.api.aliyun.com/troubleshoot?q=Throttling.Api&product=Ens"
      }
    },
    {
      "code": "InternalError",
      "status": 500,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "InternalError",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "InternalError",
        "Message": "The request processing has failed due to some unknown error, exception or failure."
      }
    },
    {
      "code": "ServiceUnavailable",
      "status": 503,
      "operations": [
        "ListBucketsByGet",
        "ListBuckets"
      ],
      "mediaType": "application/json",
      "example": "ServiceUnavailable",
      "body": {
        "RequestId": "435769C7-AA6F-4DC5-B3DB-A3DC0DE7E853",
        "HostId": "ens.aliyuncs.com",
        "Code": "ServiceUnavailable",
        "Message": "The request has failed due to a temporary failure of the server."
      }
    }
  ]
};

/** `GET /` — ListBucketsByGet: Queries all buckets of a user (GET). Bound to the spec's servers and to `baseUrls`. */
export function listBucketsByGet(runtime: MockRuntimeApi, baseUrls: readonly string[] = []): HttpHandler[] {
  return runtime.routes(spec, "ListBucketsByGet", baseUrls).map((route) => http.get(route.pattern, (info) => runtime.handle(route, info.request)));
}

/** `POST /` — ListBuckets: Queries all buckets of a user (POST, the official SDK's default). Bound to the spec's servers and to `baseUrls`. */
export function listBuckets(runtime: MockRuntimeApi, baseUrls: readonly string[] = []): HttpHandler[] {
  return runtime.routes(spec, "ListBuckets", baseUrls).map((route) => http.post(route.pattern, (info) => runtime.handle(route, info.request)));
}

/** Every handler of this spec, in spec order (each method-not-allowed catch-all after its operation). */
export function handlers(runtime: MockRuntimeApi, baseUrls: readonly string[] = []): HttpHandler[] {
  return [...listBucketsByGet(runtime, baseUrls), ...listBuckets(runtime, baseUrls)];
}
