locals {
  name = "tickitecking-${var.environment}"

  # Must equal the services' default SQS_QUEUE_PREFIX so queue names match
  # docker compose and deploy/elasticmq/elasticmq.conf.
  queue_prefix = "tickitecking-"

  # The system contract in one place: ports, databases, who consumes which
  # queue and who produces to which. IAM, environment and security groups are
  # all derived from this map; nothing below names a service by hand except the
  # gateway (public) and media (bucket) flags.
  service_wiring = {
    "gateway-service"     = { port = 8080, database = null, consumes = null, produces = [], public = true, bucket = false }
    "user-service"        = { port = 8081, database = "tickitecking_user", consumes = null, produces = [], public = false, bucket = false }
    "concert-service"     = { port = 8082, database = "tickitecking_concert", consumes = "concert-events", produces = ["seat-events", "reservation-events", "media-events"], public = false, bucket = false }
    "seat-service"        = { port = 8083, database = "tickitecking_seat", consumes = "seat-events", produces = ["reservation-events"], public = false, bucket = false }
    "reservation-service" = { port = 8084, database = "tickitecking_reservation", consumes = "reservation-events", produces = ["seat-events", "concert-events"], public = false, bucket = false }
    "media-service"       = { port = 8085, database = "tickitecking_media", consumes = "media-events", produces = ["concert-events"], public = false, bucket = true }
  }

  services = { for k, v in local.service_wiring : k => merge(v, var.services[k]) }

  queues = sort([for s in local.service_wiring : s.consumes if s.consumes != null])

  gateway = one([for k, s in local.service_wiring : k if s.public])

  # Secrets whose values an operator puts (see modules/secrets).
  app_secrets = {
    "jwt-private-key"       = "PKCS#8 PEM private key user-service signs JWTs with"
    "admin-password"        = "Password of the initial user-service admin account"
    "admission-private-key" = "PKCS#8 PEM private key reservation-service signs waiting-room admission tokens with"
  }

  # Each service with a database logs in as its own user, allowed onto that
  # database only (modules/db_users), never as the RDS master.
  db_users = {
    for k, s in local.service_wiring : k => { username = replace(k, "-", "_"), database = s.database }
    if s.database != null
  }

  # Service names resolve through ECS Service Connect.
  service_urls = { for k, s in local.service_wiring : k => "http://${k}:${s.port}" }

  jdbc_params = "?createDatabaseIfNotExist=true&sslMode=REQUIRED"

  environment = {
    for k, s in local.services : k => merge(
      {
        SERVER_PORT      = tostring(s.port)
        AWS_REGION       = var.region
        SQS_ENDPOINT     = "" # empty = the real regional SQS endpoint
        SQS_QUEUE_PREFIX = local.queue_prefix
        REDIS_HOST       = module.redis.host
        REDIS_PORT       = tostring(module.redis.port)
        REDIS_SSL        = "true"
      },
      k == "user-service" ? { ADMIN_USERNAME = var.admin_username } : {
        JWT_JWKS_URI                         = "${local.service_urls["user-service"]}/.well-known/jwks.json"
      },
      s.database == null ? {} : {
        DB_URL = "jdbc:mysql://${module.rds.address}:${module.rds.port}/${s.database}${local.jdbc_params}"
      },
      k == "seat-service" ? {
        DB_REPLICA_URL = "jdbc:mysql://${module.rds.replica_address}:${module.rds.port}/${s.database}${local.jdbc_params}"
      } : {},
      s.bucket ? { S3_BUCKET = module.s3.bucket, S3_ENDPOINT = "", S3_PATH_STYLE = "false" } : {},
      s.public ? { for t, url in local.service_urls : "${upper(replace(t, "-", "_"))}_URL" => url if t != k } : {},
      # the ALB appends the client's address to X-Forwarded-For: the gateway takes that entry as the client's
      # (per-address rate limit, X-Client-Address for user-service's login and sign-up limits), never the leftmost
      s.public ? { TICKITECKING_GATEWAY_CLIENTADDRESS_TRUSTEDPROXIES = "1" } : {},
      # the gateway checks the waiting room's admission tokens against reservation-service's public keys
      s.public ? { ADMISSION_JWKS_URI = "${local.service_urls["reservation-service"]}/.well-known/admission-jwks.json" } : {},
    )
  }

  secrets = {
    for k, s in local.services : k => merge(
      s.database == null ? {} : {
        DB_USERNAME = "${module.db_users.secret_arns[k]}:username::"
        DB_PASSWORD = "${module.db_users.secret_arns[k]}:password::"
      },
      k == "user-service" ? {
        JWT_PRIVATE_KEY = module.secrets.arns["jwt-private-key"]
        ADMIN_PASSWORD  = module.secrets.arns["admin-password"]
      } : {},
      k == "reservation-service" ? {
        ADMISSION_PRIVATE_KEY = module.secrets.arns["admission-private-key"]
      } : {},
    )
  }

  # Lists whose length is known at plan time (IAM policy counts depend on it).
  secret_arns = {
    for k, s in local.services : k => concat(
      s.database == null ? [] : [module.db_users.secret_arns[k]],
      k == "user-service" ? [module.secrets.arns["jwt-private-key"], module.secrets.arns["admin-password"]] : [],
      k == "reservation-service" ? [module.secrets.arns["admission-private-key"]] : [],
    )
  }
}
