// --help text for every command, with examples.
export const CONFIG_HELP = `Profiles (--profile NAME, or BUCKETRY_PROFILE):
  $XDG_CONFIG_HOME/bucketry/config.json (default ~/.config/bucketry/config.json), keyed by profile, then
  provider. Every field is optional; flags win over the profile, the profile over the environment.
    {
      "profiles": {
        "work": {
          "aliyun-oss": { "accessKeyId": "LTAI…", "accessKeySecret": "…", "region": "cn-hangzhou" },
          "aliyun-ens": { "accessKeyId": "LTAI…", "accessKeySecret": "…", "securityToken": "…" },
          "huaweicloud-mpc": { "accessKeyId": "…", "accessKeySecret": "…", "region": "cn-north-4", "projectId": "…" },
          "baidu-bos": { "accessKeyId": "…", "accessKeySecret": "…", "region": "bj" },
          "hitachi-vsp-one-object": { "endpoint": "https://admin.example.com/mapi", "token": "…", "userId": 0 }
        }
      }
    }
  Other keys: endpoint, signatureVersion; Huawei "token" (IAM X-Auth-Token); Hitachi "username",
  "password", "tokenUrl", "clientId" (password grant). A file holding secrets must not be readable by
  group or others (like ssh): \`chmod 600 ~/.config/bucketry/config.json\`.`;

export const ENV_HELP = `Environment:
  Credentials come from the vendors' own variables (\`bucketry providers\` lists them), e.g.
  ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET, HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK,
  BCE_ACCESS_KEY_ID / BCE_SECRET_ACCESS_KEY, VSP_ONE_OBJECT_TOKEN. Per provider, BUCKETRY_<PROVIDER>_ENDPOINT,
  _REGION, _ACCESS_KEY_ID, _ACCESS_KEY_SECRET (and MPC _PROJECT_ID, Hitachi _USER_ID, _TOKEN) override them,
  e.g. BUCKETRY_ALIYUN_OSS_ENDPOINT. NO_COLOR turns colour off.`;

const EXIT_HELP = `Exit codes: 0 ok, 2 usage, 3 credentials/auth, 4 not found, 5 other API error, 6 network/timeout.`;

const COMMON_FLAGS = `  --region R             vendor region (OSS: cn-hangzhou; MPC: cn-north-4; BOS: bj; ENS: optional)
  --endpoint URL         base-URL override (mock, proxy, private cloud); default BUCKETRY_<PROVIDER>_ENDPOINT
  --profile NAME         credentials and settings from the config file (see \`bucketry --help\`)
  --signature-version V  ENS v3|v1, OSS v4|v1
  --timeout MS           per-attempt timeout (default 30000; 0: none)
  --retries N            attempts in all (default 3)
  --json                 JSON lines instead of a table (dates as ISO strings)
  --raw                  with --json: include the vendor's own record as "raw"
  --debug                stack traces and retry notes on stderr (never secrets)
  -h, --help             this help`;

export const HELP: Record<string, string> = {
  main: `bucketry — one CLI over five cloud vendors' bucket APIs

Usage: bucketry <command> [flags]

Commands:
  providers       the five providers: operations, auth schemes, credential chains
  whoami          which source supplies a provider's credentials (key id masked, expiry, project id)
  list-buckets    list buckets (aliyun-ens, huaweicloud-mpc, hitachi-vsp-one-object)
  get-acl         read a bucket's ACL (aliyun-oss, baidu-bos)
  mock            serve the five mock APIs locally and print their endpoints and test credentials
  demo            list buckets and read ACLs through all five providers against an embedded mock

Run \`bucketry <command> --help\` for a command's flags and examples.

Examples:
  bucketry demo
  bucketry list-buckets --provider aliyun-ens --prefix img --limit 20
  bucketry get-acl --provider aliyun-oss --region cn-hangzhou --bucket examplebucket --json
  bucketry mock --port 9000 > mock.env &  # then: . ./mock.env — and any command above runs against the mock

${ENV_HELP}

${CONFIG_HELP}

${EXIT_HELP}
`,
  whoami: `Usage: bucketry whoami --provider P [flags]

Resolves the provider's credentials as every command does (flags, profile, BUCKETRY_<PROVIDER>_* variables,
then the vendor's default chain) and prints which source supplied them, the access key id (or token)
masked to its last 4 characters, when temporary credentials expire, and for huaweicloud-mpc the project
id (given, from the source, or looked up from IAM by --region). Never prints a secret.

Flags:
  --provider P           one of the five providers
  --project-id ID        huaweicloud-mpc: skip the IAM lookup
${COMMON_FLAGS}

Examples:
  bucketry whoami --provider aliyun-oss --region cn-hangzhou
  bucketry whoami --provider huaweicloud-mpc --region cn-north-4 --json

${EXIT_HELP}
`,
  providers: `Usage: bucketry providers [--json]

The five providers with their operations, auth schemes, required flags and the environment variables
each reads (the vendors' own, then the CLI's BUCKETRY_<PROVIDER>_* overrides).

  --json       one JSON object per provider
  -h, --help   this help

Examples:
  bucketry providers
  bucketry providers --json | jq -r .provider
`,
  "list-buckets": `Usage: bucketry list-buckets --provider P [flags]

Lists buckets, page after page, for aliyun-ens, huaweicloud-mpc or hitachi-vsp-one-object.

  --provider P           aliyun-ens | huaweicloud-mpc | hitachi-vsp-one-object
  --prefix X             only names starting with X
  --limit N              stop after N buckets
  --project-id ID        huaweicloud-mpc: project id (or HUAWEICLOUD_SDK_PROJECT_ID)
  --user-id N            hitachi-vsp-one-object: the user whose buckets to list (number or UUID)
${COMMON_FLAGS}

Examples:
  bucketry list-buckets --provider aliyun-ens --prefix img --limit 20
  bucketry list-buckets --provider huaweicloud-mpc --region cn-north-4 --project-id 0a1b… --json
  bucketry list-buckets --provider hitachi-vsp-one-object --endpoint https://admin.example.com/mapi --user-id 0
  bucketry list-buckets --provider aliyun-ens --profile work --json | jq -r .name

${EXIT_HELP}
`,
  "get-acl": `Usage: bucketry get-acl --provider P --bucket NAME [flags]

Reads a bucket's ACL (owner, canned ACL, grants) for aliyun-oss or baidu-bos.

  --provider P           aliyun-oss | baidu-bos
  --bucket NAME          the bucket
${COMMON_FLAGS}

Examples:
  bucketry get-acl --provider aliyun-oss --region cn-hangzhou --bucket examplebucket
  bucketry get-acl --provider baidu-bos --bucket my-bucket --json
  BUCKETRY_BAIDU_BOS_ENDPOINT=http://127.0.0.1:9000/baidu-bos bucketry get-acl --provider baidu-bos --bucket b1

${EXIT_HELP}
`,
  mock: `Usage: bucketry mock [--port N] [--buckets N] [--seed N] [--json]

Serves the five mock APIs (from @bucketry/mocks) on 127.0.0.1 and prints, as \`export\` lines, each
provider's endpoint variable (BUCKETRY_<PROVIDER>_ENDPOINT, plus _REGION where needed) and the test
credentials under the vendors' variable names. Runs until interrupted (Ctrl-C / SIGTERM).

  --port N      port (default: any free port)
  --buckets N   buckets in the seeded data set (default 1000)
  --seed N      seed of the data set (default 1)
  --json        one JSON line {"url","endpoints","credentials","env"} instead
  -h, --help    this help

Examples:
  bucketry mock --port 9000
  bucketry mock --port 9000 > mock.env &
  . ./mock.env && bucketry list-buckets --provider aliyun-ens --limit 5
  bucketry mock --json | head -1 | jq .endpoints
`,
  demo: `Usage: bucketry demo [--rows N] [--json]

Starts an embedded mock (no credentials or network needed), lists the first buckets through aliyun-ens,
huaweicloud-mpc and hitachi-vsp-one-object, reads the ACLs of some of them through aliyun-oss and
baidu-bos, and prints one normalized table: provider, bucket, created, region, ACL.

  --rows N      rows per provider (default 3)
  --json        one JSON object per row
  -h, --help    this help

Examples:
  bucketry demo
  npm start            # in the repository: build, then this demo
`,
};
