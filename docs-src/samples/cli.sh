# What the operator sees: providers, buckets and ACLs (credentials and endpoints from the environment).
bucketry providers
bucketry list-buckets --provider aliyun-ens --prefix img --limit 3
bucketry get-acl --provider aliyun-oss --bucket examplebucket --json
