// generated from specs/aliyun-oss.yaml by scripts/generate-mocks.mjs; do not edit.
// Change the spec and run `npm run generate`; `npm test` fails when this file is stale.
// spec sha256: accef2fdf153462fe3c501069a7cae13569597abb7f9b2c7af653b369a5a521f
import { http, type HttpHandler } from "msw";
import type { MockRuntimeApi } from "../adapter.js";
import type { VendorSpec } from "../types.js";

/** Alibaba Cloud OSS (Object Storage Service) — GetBucketAcl (specs/aliyun-oss.yaml, version 2019-05-17): operations, schemas, examples and documented errors. */
export const spec: VendorSpec = {
  "provider": "aliyun-oss",
  "source": "specs/aliyun-oss.yaml",
  "title": "Alibaba Cloud OSS (Object Storage Service) — GetBucketAcl",
  "version": "2019-05-17",
  "operations": {
    "GetBucketAcl": {
      "operationId": "GetBucketAcl",
      "method": "GET",
      "path": "/",
      "summary": "Query the ACL of a bucket",
      "servers": [
        {
          "url": "https://{bucket}.oss-{region}.aliyuncs.com",
          "variables": {
            "bucket": {
              "default": "examplebucket"
            },
            "region": {
              "default": "cn-hangzhou"
            }
          }
        },
        {
          "url": "https://{bucket}.oss-{region}-internal.aliyuncs.com",
          "variables": {
            "bucket": {
              "default": "examplebucket"
            },
            "region": {
              "default": "cn-hangzhou"
            }
          }
        },
        {
          "url": "https://oss-{region}.aliyuncs.com/{bucket}",
          "variables": {
            "bucket": {
              "default": "examplebucket"
            },
            "region": {
              "default": "cn-hangzhou"
            }
          }
        },
        {
          "url": "https://{bucket}.{region}.oss.aliyuncs.com",
          "variables": {
            "bucket": {
              "default": "examplebucket"
            },
            "region": {
              "default": "cn-hangzhou"
            }
          }
        },
        {
          "url": "https://{bucket}.oss-accelerate.aliyuncs.com",
          "variables": {
            "bucket": {
              "default": "examplebucket"
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
            ],
            "default": ""
          },
          "allowEmptyValue": true
        },
        {
          "name": "Date",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "pattern": "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$"
          }
        },
        {
          "name": "x-oss-date",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string",
            "pattern": "^[0-9]{8}T[0-9]{6}Z$"
          }
        },
        {
          "name": "x-oss-content-sha256",
          "in": "header",
          "required": false,
          "schema": {
            "type": "string"
          }
        },
        {
          "name": "x-oss-security-token",
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
            "x-oss-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "Date": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "Server": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "Content-Length": {
              "required": false,
              "schema": {
                "type": "integer",
                "minimum": 0
              }
            },
            "x-oss-server-time": {
              "required": false,
              "schema": {
                "type": "integer",
                "minimum": 0
              }
            },
            "Connection": {
              "required": false,
              "schema": {
                "type": "string"
              }
            }
          },
          "content": {
            "application/xml": {
              "schema": {
                "type": "object",
                "xml": {
                  "name": "AccessControlPolicy"
                },
                "required": [
                  "Owner",
                  "AccessControlList"
                ],
                "properties": {
                  "Owner": {
                    "type": "object",
                    "xml": {
                      "name": "Owner"
                    },
                    "required": [
                      "ID",
                      "DisplayName"
                    ],
                    "properties": {
                      "ID": {
                        "type": "string"
                      },
                      "DisplayName": {
                        "type": "string"
                      }
                    }
                  },
                  "AccessControlList": {
                    "type": "object",
                    "xml": {
                      "name": "AccessControlList"
                    },
                    "required": [
                      "Grant"
                    ],
                    "properties": {
                      "Grant": {
                        "type": "string",
                        "enum": [
                          "private",
                          "public-read",
                          "public-read-write"
                        ]
                      }
                    }
                  }
                }
              },
              "examples": {
                "success": "<?xml version=\"1.0\"?>\n<AccessControlPolicy>\n    <Owner>\n        <ID>0022012****</ID>\n        <DisplayName>user_example</DisplayName>\n    </Owner>\n    <AccessControlList>\n        <Grant>public-read</Grant>\n    </AccessControlList>\n</AccessControlPolicy>\n"
              }
            }
          }
        },
        "400": {
          "headers": {
            "x-oss-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "Date": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "Server": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-oss-ec": {
              "required": false,
              "schema": {
                "type": "string"
              }
            },
            "x-oss-server-time": {
              "required": false,
              "schema": {
                "type": "integer",
                "minimum": 0
              }
            }
          },
          "content": {
            "application/xml": {
              "schema": {
                "type": "object",
                "xml": {
                  "name": "Error"
                },
                "required": [
                  "Code",
                  "Message",
                  "RequestId"
                ],
                "properties": {
                  "Code": {
                    "type": "string"
                  },
                  "Message": {
                    "type": "string"
                  },
                  "RequestId": {
                    "type": "string"
                  },
                  "HostId": {
                    "type": "string"
                  },
                  "EC": {
                    "type": "string"
                  },
                  "RecommendDoc": {
                    "type": "string",
                    "format": "uri"
                  },
                  "BucketName": {
                    "type": "string"
                  },
                  "OSSAccessKeyId": {
                    "type": "string"
                  },
                  "SignatureProvided": {
                    "type": "string"
                  },
                  "StringToSign": {
                    "type": "string"
                  },
                  "StringToSignBytes": {
                    "type": "string"
                  },
                  "CanonicalRequest": {
                    "type": "string"
                  },
                  "RequestTime": {
                    "type": "string"
                  },
                  "ServerTime": {
                    "type": "string"
                  },
                  "MaxAllowedSkewMilliseconds": {
                    "type": "integer"
                  },
                  "AccessDeniedDetail": {
                    "type": "object",
                    "xml": {
                      "name": "AccessDeniedDetail"
                    },
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
                "InvalidBucketName": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>InvalidBucketName</Code>\n  <Message>The specified bucket is not valid.</Message>\n  <RequestId>534B371674E88A4D8906****</RequestId>\n  <HostId>oss-cn-hangzhou.aliyuncs.com</HostId>\n</Error>\n",
                "InvalidArgument": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>InvalidArgument</Code>\n  <Message>Authorization header is invalid.</Message>\n  <RequestId>534B371674E88A4D8906****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n</Error>\n",
                "MissingArgument": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>MissingArgument</Code>\n  <Message>Missing Some Required Arguments.</Message>\n  <RequestId>636B68BA80DA8539399F****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n  <EC>0016-00000502</EC>\n</Error>\n"
              }
            }
          }
        },
        "403": {
          "headers": {
            "x-oss-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "Date": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "Server": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-oss-ec": {
              "required": false,
              "schema": {
                "type": "string"
              }
            },
            "x-oss-server-time": {
              "required": false,
              "schema": {
                "type": "integer",
                "minimum": 0
              }
            }
          },
          "content": {
            "application/xml": {
              "schema": {
                "type": "object",
                "xml": {
                  "name": "Error"
                },
                "required": [
                  "Code",
                  "Message",
                  "RequestId"
                ],
                "properties": {
                  "Code": {
                    "type": "string"
                  },
                  "Message": {
                    "type": "string"
                  },
                  "RequestId": {
                    "type": "string"
                  },
                  "HostId": {
                    "type": "string"
                  },
                  "EC": {
                    "type": "string"
                  },
                  "RecommendDoc": {
                    "type": "string",
                    "format": "uri"
                  },
                  "BucketName": {
                    "type": "string"
                  },
                  "OSSAccessKeyId": {
                    "type": "string"
                  },
                  "SignatureProvided": {
                    "type": "string"
                  },
                  "StringToSign": {
                    "type": "string"
                  },
                  "StringToSignBytes": {
                    "type": "string"
                  },
                  "CanonicalRequest": {
                    "type": "string"
                  },
                  "RequestTime": {
                    "type": "string"
                  },
                  "ServerTime": {
                    "type": "string"
                  },
                  "MaxAllowedSkewMilliseconds": {
                    "type": "integer"
                  },
                  "AccessDeniedDetail": {
                    "type": "object",
                    "xml": {
                      "name": "AccessDeniedDetail"
                    },
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
                "AccessDenied": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>AccessDenied</Code>\n  <Message>You have no right to access this bucket.</Message>\n  <RequestId>636B68BA80DA8539399F****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n  <EC>0003-00000001</EC>\n  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=0003-00000001</RecommendDoc>\n</Error>\n",
                "SignatureDoesNotMatch": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>SignatureDoesNotMatch</Code>\n  <Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message>\n  <RequestId>646DCB189AE2D1333018****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n  <OSSAccessKeyId>LTAI****************</OSSAccessKeyId>\n  <SignatureProvided>tPN3MChhuKk2XixolQLonoJW****</SignatureProvided>\n  <StringToSign>GET\n\n\nFri, 24 Feb 2012 04:11:23 GMT\n/examplebucket/?acl</StringToSign>\n  <EC>0002-00000040</EC>\n  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=0002-00000040</RecommendDoc>\n</Error>\n",
                "InvalidAccessKeyId": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>InvalidAccessKeyId</Code>\n  <Message>The OSS Access Key Id you provided does not exist in our records.</Message>\n  <RequestId>60AE1FFE8CFD483135961F65</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n  <OSSAccessKeyId>LTAI****************</OSSAccessKeyId>\n</Error>\n",
                "RequestTimeTooSkewed": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>RequestTimeTooSkewed</Code>\n  <Message>The difference between the request time and the current time is too large.</Message>\n  <RequestId>63145DB90BFD85303279****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n  <MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>\n  <RequestTime>2022-09-04T07:11:33.000Z</RequestTime>\n  <ServerTime>2022-09-04T08:11:37.000Z</ServerTime>\n  <EC>0002-00000504</EC>\n  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=0002-00000504</RecommendDoc>\n</Error>\n",
                "InvalidSecurityToken": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>InvalidSecurityToken</Code>\n  <Message>The security token you provided is invalid.</Message>\n  <RequestId>636B68BA80DA8539399F****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n</Error>\n",
                "SecurityTokenExpired": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>SecurityTokenExpired</Code>\n  <Message>The security token you provided has expired.</Message>\n  <RequestId>636B68BA80DA8539399F****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n</Error>\n",
                "AccessKeyIdAndSecurityTokenNotMatch": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>AccessKeyIdAndSecurityTokenNotMatch</Code>\n  <Message>The OSS access key id and security token you provided does not match.</Message>\n  <RequestId>636B68BA80DA8539399F****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n</Error>\n",
                "SecondLevelDomainForbidden": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>SecondLevelDomainForbidden</Code>\n  <Message>Please use virtual hosted style to access.</Message>\n  <RequestId>636B68BA80DA8539399F****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n</Error>\n"
              }
            }
          }
        },
        "404": {
          "headers": {
            "x-oss-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "Date": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "Server": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-oss-ec": {
              "required": false,
              "schema": {
                "type": "string"
              }
            },
            "x-oss-server-time": {
              "required": false,
              "schema": {
                "type": "integer",
                "minimum": 0
              }
            }
          },
          "content": {
            "application/xml": {
              "schema": {
                "type": "object",
                "xml": {
                  "name": "Error"
                },
                "required": [
                  "Code",
                  "Message",
                  "RequestId"
                ],
                "properties": {
                  "Code": {
                    "type": "string"
                  },
                  "Message": {
                    "type": "string"
                  },
                  "RequestId": {
                    "type": "string"
                  },
                  "HostId": {
                    "type": "string"
                  },
                  "EC": {
                    "type": "string"
                  },
                  "RecommendDoc": {
                    "type": "string",
                    "format": "uri"
                  },
                  "BucketName": {
                    "type": "string"
                  },
                  "OSSAccessKeyId": {
                    "type": "string"
                  },
                  "SignatureProvided": {
                    "type": "string"
                  },
                  "StringToSign": {
                    "type": "string"
                  },
                  "StringToSignBytes": {
                    "type": "string"
                  },
                  "CanonicalRequest": {
                    "type": "string"
                  },
                  "RequestTime": {
                    "type": "string"
                  },
                  "ServerTime": {
                    "type": "string"
                  },
                  "MaxAllowedSkewMilliseconds": {
                    "type": "integer"
                  },
                  "AccessDeniedDetail": {
                    "type": "object",
                    "xml": {
                      "name": "AccessDeniedDetail"
                    },
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
                "NoSuchBucket": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>NoSuchBucket</Code>\n  <Message>The specified bucket does not exist.</Message>\n  <RequestId>5C3D9175B6FC201293AD****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n  <BucketName>examplebucket</BucketName>\n  <EC>0015-00000101</EC>\n  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=0015-00000101</RecommendDoc>\n</Error>\n"
              }
            }
          }
        },
        "429": {
          "headers": {
            "x-oss-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "Date": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "Server": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-oss-ec": {
              "required": false,
              "schema": {
                "type": "string"
              }
            },
            "x-oss-server-time": {
              "required": false,
              "schema": {
                "type": "integer",
                "minimum": 0
              }
            }
          },
          "content": {
            "application/xml": {
              "schema": {
                "type": "object",
                "xml": {
                  "name": "Error"
                },
                "required": [
                  "Code",
                  "Message",
                  "RequestId"
                ],
                "properties": {
                  "Code": {
                    "type": "string"
                  },
                  "Message": {
                    "type": "string"
                  },
                  "RequestId": {
                    "type": "string"
                  },
                  "HostId": {
                    "type": "string"
                  },
                  "EC": {
                    "type": "string"
                  },
                  "RecommendDoc": {
                    "type": "string",
                    "format": "uri"
                  },
                  "BucketName": {
                    "type": "string"
                  },
                  "OSSAccessKeyId": {
                    "type": "string"
                  },
                  "SignatureProvided": {
                    "type": "string"
                  },
                  "StringToSign": {
                    "type": "string"
                  },
                  "StringToSignBytes": {
                    "type": "string"
                  },
                  "CanonicalRequest": {
                    "type": "string"
                  },
                  "RequestTime": {
                    "type": "string"
                  },
                  "ServerTime": {
                    "type": "string"
                  },
                  "MaxAllowedSkewMilliseconds": {
                    "type": "integer"
                  },
                  "AccessDeniedDetail": {
                    "type": "object",
                    "xml": {
                      "name": "AccessDeniedDetail"
                    },
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
                "QpsLimitExceeded": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>QpsLimitExceeded</Code>\n  <Message>Please reduce your request rate.</Message>\n  <RequestId>636B68BA80DA8539399F****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n</Error>\n"
              }
            }
          }
        },
        "500": {
          "headers": {
            "x-oss-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "Date": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "Server": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-oss-ec": {
              "required": false,
              "schema": {
                "type": "string"
              }
            },
            "x-oss-server-time": {
              "required": false,
              "schema": {
                "type": "integer",
                "minimum": 0
              }
            }
          },
          "content": {
            "application/xml": {
              "schema": {
                "type": "object",
                "xml": {
                  "name": "Error"
                },
                "required": [
                  "Code",
                  "Message",
                  "RequestId"
                ],
                "properties": {
                  "Code": {
                    "type": "string"
                  },
                  "Message": {
                    "type": "string"
                  },
                  "RequestId": {
                    "type": "string"
                  },
                  "HostId": {
                    "type": "string"
                  },
                  "EC": {
                    "type": "string"
                  },
                  "RecommendDoc": {
                    "type": "string",
                    "format": "uri"
                  },
                  "BucketName": {
                    "type": "string"
                  },
                  "OSSAccessKeyId": {
                    "type": "string"
                  },
                  "SignatureProvided": {
                    "type": "string"
                  },
                  "StringToSign": {
                    "type": "string"
                  },
                  "StringToSignBytes": {
                    "type": "string"
                  },
                  "CanonicalRequest": {
                    "type": "string"
                  },
                  "RequestTime": {
                    "type": "string"
                  },
                  "ServerTime": {
                    "type": "string"
                  },
                  "MaxAllowedSkewMilliseconds": {
                    "type": "integer"
                  },
                  "AccessDeniedDetail": {
                    "type": "object",
                    "xml": {
                      "name": "AccessDeniedDetail"
                    },
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
                "InternalError": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>InternalError</Code>\n  <Message>We encountered an internal error. Please try again.</Message>\n  <RequestId>636B68BA80DA8539399F****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n</Error>\n"
              }
            }
          }
        },
        "503": {
          "headers": {
            "x-oss-request-id": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "Date": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "Server": {
              "required": true,
              "schema": {
                "type": "string"
              }
            },
            "x-oss-ec": {
              "required": false,
              "schema": {
                "type": "string"
              }
            },
            "x-oss-server-time": {
              "required": false,
              "schema": {
                "type": "integer",
                "minimum": 0
              }
            }
          },
          "content": {
            "application/xml": {
              "schema": {
                "type": "object",
                "xml": {
                  "name": "Error"
                },
                "required": [
                  "Code",
                  "Message",
                  "RequestId"
                ],
                "properties": {
                  "Code": {
                    "type": "string"
                  },
                  "Message": {
                    "type": "string"
                  },
                  "RequestId": {
                    "type": "string"
                  },
                  "HostId": {
                    "type": "string"
                  },
                  "EC": {
                    "type": "string"
                  },
                  "RecommendDoc": {
                    "type": "string",
                    "format": "uri"
                  },
                  "BucketName": {
                    "type": "string"
                  },
                  "OSSAccessKeyId": {
                    "type": "string"
                  },
                  "SignatureProvided": {
                    "type": "string"
                  },
                  "StringToSign": {
                    "type": "string"
                  },
                  "StringToSignBytes": {
                    "type": "string"
                  },
                  "CanonicalRequest": {
                    "type": "string"
                  },
                  "RequestTime": {
                    "type": "string"
                  },
                  "ServerTime": {
                    "type": "string"
                  },
                  "MaxAllowedSkewMilliseconds": {
                    "type": "integer"
                  },
                  "AccessDeniedDetail": {
                    "type": "object",
                    "xml": {
                      "name": "AccessDeniedDetail"
                    },
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
                "ServiceUnavailable": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>ServiceUnavailable</Code>\n  <Message>Service is unavailable.</Message>\n  <RequestId>636B68BA80DA8539399F****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n</Error>\n",
                "SlowDown": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>SlowDown</Code>\n  <Message>Please reduce your request rate.</Message>\n  <RequestId>636B68BA80DA8539399F****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n</Error>\n"
              }
            }
          }
        }
      },
      "security": [
        {
          "OssV4HmacSha256": []
        },
        {
          "OssV1HmacSha1": []
        }
      ]
    }
  },
  "errors": [
    {
      "code": "InvalidBucketName",
      "status": 400,
      "operations": [
        "GetBucketAcl"
      ],
      "mediaType": "application/xml",
      "example": "InvalidBucketName",
      "body": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>InvalidBucketName</Code>\n  <Message>The specified bucket is not valid.</Message>\n  <RequestId>534B371674E88A4D8906****</RequestId>\n  <HostId>oss-cn-hangzhou.aliyuncs.com</HostId>\n</Error>\n"
    },
    {
      "code": "InvalidArgument",
      "status": 400,
      "operations": [
        "GetBucketAcl"
      ],
      "mediaType": "application/xml",
      "example": "InvalidArgument",
      "body": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>InvalidArgument</Code>\n  <Message>Authorization header is invalid.</Message>\n  <RequestId>534B371674E88A4D8906****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n</Error>\n"
    },
    {
      "code": "MissingArgument",
      "status": 400,
      "operations": [
        "GetBucketAcl"
      ],
      "mediaType": "application/xml",
      "example": "MissingArgument",
      "body": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>MissingArgument</Code>\n  <Message>Missing Some Required Arguments.</Message>\n  <RequestId>636B68BA80DA8539399F****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n  <EC>0016-00000502</EC>\n</Error>\n"
    },
    {
      "code": "AccessDenied",
      "status": 403,
      "operations": [
        "GetBucketAcl"
      ],
      "mediaType": "application/xml",
      "example": "AccessDenied",
      "body": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>AccessDenied</Code>\n  <Message>You have no right to access this bucket.</Message>\n  <RequestId>636B68BA80DA8539399F****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n  <EC>0003-00000001</EC>\n  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=0003-00000001</RecommendDoc>\n</Error>\n"
    },
    {
      "code": "SignatureDoesNotMatch",
      "status": 403,
      "operations": [
        "GetBucketAcl"
      ],
      "mediaType": "application/xml",
      "example": "SignatureDoesNotMatch",
      "body": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>SignatureDoesNotMatch</Code>\n  <Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message>\n  <RequestId>646DCB189AE2D1333018****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n  <OSSAccessKeyId>LTAI****************</OSSAccessKeyId>\n  <SignatureProvided>tPN3MChhuKk2XixolQLonoJW****</SignatureProvided>\n  <StringToSign>GET\n\n\nFri, 24 Feb 2012 04:11:23 GMT\n/examplebucket/?acl</StringToSign>\n  <EC>0002-00000040</EC>\n  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=0002-00000040</RecommendDoc>\n</Error>\n"
    },
    {
      "code": "InvalidAccessKeyId",
      "status": 403,
      "operations": [
        "GetBucketAcl"
      ],
      "mediaType": "application/xml",
      "example": "InvalidAccessKeyId",
      "body": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>InvalidAccessKeyId</Code>\n  <Message>The OSS Access Key Id you provided does not exist in our records.</Message>\n  <RequestId>60AE1FFE8CFD483135961F65</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n  <OSSAccessKeyId>LTAI****************</OSSAccessKeyId>\n</Error>\n"
    },
    {
      "code": "RequestTimeTooSkewed",
      "status": 403,
      "operations": [
        "GetBucketAcl"
      ],
      "mediaType": "application/xml",
      "example": "RequestTimeTooSkewed",
      "body": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>RequestTimeTooSkewed</Code>\n  <Message>The difference between the request time and the current time is too large.</Message>\n  <RequestId>63145DB90BFD85303279****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n  <MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>\n  <RequestTime>2022-09-04T07:11:33.000Z</RequestTime>\n  <ServerTime>2022-09-04T08:11:37.000Z</ServerTime>\n  <EC>0002-00000504</EC>\n  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=0002-00000504</RecommendDoc>\n</Error>\n"
    },
    {
      "code": "InvalidSecurityToken",
      "status": 403,
      "operations": [
        "GetBucketAcl"
      ],
      "mediaType": "application/xml",
      "example": "InvalidSecurityToken",
      "body": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>InvalidSecurityToken</Code>\n  <Message>The security token you provided is invalid.</Message>\n  <RequestId>636B68BA80DA8539399F****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n</Error>\n"
    },
    {
      "code": "SecurityTokenExpired",
      "status": 403,
      "operations": [
        "GetBucketAcl"
      ],
      "mediaType": "application/xml",
      "example": "SecurityTokenExpired",
      "body": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>SecurityTokenExpired</Code>\n  <Message>The security token you provided has expired.</Message>\n  <RequestId>636B68BA80DA8539399F****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n</Error>\n"
    },
    {
      "code": "AccessKeyIdAndSecurityTokenNotMatch",
      "status": 403,
      "operations": [
        "GetBucketAcl"
      ],
      "mediaType": "application/xml",
      "example": "AccessKeyIdAndSecurityTokenNotMatch",
      "body": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>AccessKeyIdAndSecurityTokenNotMatch</Code>\n  <Message>The OSS access key id and security token you provided does not match.</Message>\n  <RequestId>636B68BA80DA8539399F****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n</Error>\n"
    },
    {
      "code": "SecondLevelDomainForbidden",
      "status": 403,
      "operations": [
        "GetBucketAcl"
      ],
      "mediaType": "application/xml",
      "example": "SecondLevelDomainForbidden",
      "body": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>SecondLevelDomainForbidden</Code>\n  <Message>Please use virtual hosted style to access.</Message>\n  <RequestId>636B68BA80DA8539399F****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n</Error>\n"
    },
    {
      "code": "NoSuchBucket",
      "status": 404,
      "operations": [
        "GetBucketAcl"
      ],
      "mediaType": "application/xml",
      "example": "NoSuchBucket",
      "body": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>NoSuchBucket</Code>\n  <Message>The specified bucket does not exist.</Message>\n  <RequestId>5C3D9175B6FC201293AD****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n  <BucketName>examplebucket</BucketName>\n  <EC>0015-00000101</EC>\n  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=0015-00000101</RecommendDoc>\n</Error>\n"
    },
    {
      "code": "QpsLimitExceeded",
      "status": 429,
      "operations": [
        "GetBucketAcl"
      ],
      "mediaType": "application/xml",
      "example": "QpsLimitExceeded",
      "body": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>QpsLimitExceeded</Code>\n  <Message>Please reduce your request rate.</Message>\n  <RequestId>636B68BA80DA8539399F****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n</Error>\n"
    },
    {
      "code": "InternalError",
      "status": 500,
      "operations": [
        "GetBucketAcl"
      ],
      "mediaType": "application/xml",
      "example": "InternalError",
      "body": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>InternalError</Code>\n  <Message>We encountered an internal error. Please try again.</Message>\n  <RequestId>636B68BA80DA8539399F****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n</Error>\n"
    },
    {
      "code": "ServiceUnavailable",
      "status": 503,
      "operations": [
        "GetBucketAcl"
      ],
      "mediaType": "application/xml",
      "example": "ServiceUnavailable",
      "body": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>ServiceUnavailable</Code>\n  <Message>Service is unavailable.</Message>\n  <RequestId>636B68BA80DA8539399F****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n</Error>\n"
    },
    {
      "code": "SlowDown",
      "status": 503,
      "operations": [
        "GetBucketAcl"
      ],
      "mediaType": "application/xml",
      "example": "SlowDown",
      "body": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>SlowDown</Code>\n  <Message>Please reduce your request rate.</Message>\n  <RequestId>636B68BA80DA8539399F****</RequestId>\n  <HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n</Error>\n"
    }
  ]
};

/** `GET /` — GetBucketAcl: Query the ACL of a bucket. Bound to the spec's servers and to `baseUrls`. */
export function getBucketAcl(runtime: MockRuntimeApi, baseUrls: readonly string[] = []): HttpHandler[] {
  return runtime.routes(spec, "GetBucketAcl", baseUrls).map((route) => http.get(route.pattern, (info) => runtime.handle(route, info.request)));
}

/** Every handler of this spec, in spec order (each method-not-allowed catch-all after its operation). */
export function handlers(runtime: MockRuntimeApi, baseUrls: readonly string[] = []): HttpHandler[] {
  return [...getBucketAcl(runtime, baseUrls)];
}
