# terraform test with a mocked AWS provider: no account, no network, no cost.
# `apply` against the mock fills computed attributes (ids, ARNs) with fake
# values, so the assertions can compare them; plan-only runs check what is
# known before apply.

mock_provider "aws" {
  # Fake ARNs are random strings by default; the ones that flow into arguments
  # the provider validates as ARNs get a well-formed value.
  mock_resource "aws_lb" {
    defaults = {
      arn        = "arn:aws:elasticloadbalancing:eu-central-1:123456789012:loadbalancer/app/tickitecking-prod/0123456789abcdef"
      arn_suffix = "app/tickitecking-prod/0123456789abcdef"
    }
  }
  mock_resource "aws_lb_target_group" {
    defaults = {
      arn        = "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/tickitecking-prod-gw/0123456789abcdef"
      arn_suffix = "targetgroup/tickitecking-prod-gw/0123456789abcdef"
    }
  }
  mock_resource "aws_service_discovery_http_namespace" {
    defaults = {
      arn = "arn:aws:servicediscovery:eu-central-1:123456789012:namespace/ns-mock"
    }
  }
  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::123456789012:role/mock"
    }
  }
  mock_resource "aws_lb_listener" {
    defaults = {
      arn = "arn:aws:elasticloadbalancing:eu-central-1:123456789012:listener/app/tickitecking-prod/0123456789abcdef/0123456789abcdef"
    }
  }
  mock_resource "aws_db_instance" {
    defaults = {
      master_user_secret = [{
        secret_arn    = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:rds!db-mock"
        kms_key_id    = ""
        secret_status = "active"
      }]
    }
  }
}

variables {
  certificate_arn = "arn:aws:acm:eu-central-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
  image_tag       = "0123abc"
}

run "every_service_is_fargate_in_private_subnets" {
  command = apply

  assert {
    condition     = length(module.service) == 6
    error_message = "Expected one ECS service per microservice."
  }

  assert {
    condition     = alltrue([for s in module.service : s.launch_type == "FARGATE"])
    error_message = "Every service must run on Fargate."
  }

  assert {
    condition     = alltrue([for s in module.service : toset(s.subnet_ids) == toset(module.network.private_subnet_ids)])
    error_message = "Every service must run in the private subnets, and only there."
  }

  assert {
    condition     = alltrue([for s in module.service : !s.assign_public_ip])
    error_message = "No task may get a public IP."
  }
}

run "only_the_alb_is_public" {
  command = apply

  assert {
    condition     = !module.alb.internal
    error_message = "The ALB is the public entry point."
  }

  assert {
    condition     = [for k, s in module.service : k if s.load_balanced] == ["gateway-service"]
    error_message = "Only the gateway may sit behind the ALB."
  }

  assert {
    condition     = alltrue([for p in module.rds.publicly_accessible : !p])
    error_message = "The database (source and replica) must not be publicly accessible."
  }
}

run "every_queue_has_a_dlq_with_redrive_5" {
  command = apply

  assert {
    condition     = toset(keys(module.sqs.queue_arns)) == toset(["seat-events", "concert-events", "reservation-events", "media-events"])
    error_message = "The queues must be the four the services consume."
  }

  assert {
    condition     = alltrue([for q, p in module.sqs.redrive_policies : p.deadLetterTargetArn == module.sqs.dlq_arns[q] && p.maxReceiveCount == 5])
    error_message = "Every queue must redrive to its own DLQ after 5 receives."
  }

  assert {
    condition     = alltrue([for q, n in module.sqs.queue_names : n == "tickitecking-${q}"])
    error_message = "Queue names must match the services' SQS_QUEUE_PREFIX (tickitecking-)."
  }
}

run "the_bucket_is_private_and_versioned" {
  command = apply

  assert {
    condition     = alltrue(values(module.s3.public_access_block))
    error_message = "All four public access blocks must be on."
  }

  assert {
    condition     = module.s3.versioning_status == "Enabled"
    error_message = "The media bucket must be versioned."
  }
}

run "task_roles_are_least_privilege" {
  command = apply

  # No Resource in any task policy is "*" or a wildcard pattern.
  assert {
    condition = alltrue(flatten([
      for k, r in module.service_iam : [
        for st in jsondecode(r.task_policy).Statement : [for res in st.Resource : !strcontains(res, "*") || endswith(res, "/*")]
      ] if r.task_policy != null
    ]))
    error_message = "Task role policies must name their resources (only bucket/* object paths may use a wildcard)."
  }

  assert {
    condition     = jsondecode(module.service_iam["seat-service"].task_policy).Statement[0].Resource == [module.sqs.queue_arns["seat-events"]]
    error_message = "seat-service may receive from its own queue only."
  }

  assert {
    condition = toset(jsondecode(module.service_iam["concert-service"].task_policy).Statement[1].Resource) == toset([
      module.sqs.queue_arns["seat-events"], module.sqs.queue_arns["reservation-events"], module.sqs.queue_arns["media-events"],
    ])
    error_message = "concert-service sends to the seat, reservation and media queues only."
  }

  assert {
    condition     = [for k, r in module.service_iam : k if strcontains(jsonencode(r.task_policy), "s3:")] == ["media-service"]
    error_message = "Only media-service may touch S3."
  }

  assert {
    condition     = module.service_iam["gateway-service"].task_policy == null && module.service_iam["user-service"].task_policy == null
    error_message = "The gateway and user-service need no AWS permissions."
  }
}

run "services_are_wired_to_each_other_and_their_stores" {
  command = apply

  assert {
    condition = contains(
      [for e in module.service["gateway-service"].container_definition.environment : "${e.name}=${e.value}"],
      "SEAT_SERVICE_URL=http://seat-service:8083",
    )
    error_message = "The gateway must reach seat-service by its Service Connect name."
  }

  assert {
    condition = contains(
      [for e in module.service["gateway-service"].container_definition.environment : "${e.name}=${e.value}"],
      "TICKITECKING_GATEWAY_CLIENTADDRESS_TRUSTEDPROXIES=1",
    )
    error_message = "Behind the ALB the gateway must take the client's address from the entry the ALB appends to X-Forwarded-For."
  }

  assert {
    condition     = anytrue([for e in module.service["seat-service"].container_definition.environment : e.name == "DB_REPLICA_URL" && strcontains(e.value, module.rds.replica_address)])
    error_message = "seat-service must read from the replica."
  }

  assert {
    condition     = [for s in module.service["user-service"].container_definition.secrets : s.name] == ["ADMIN_PASSWORD", "DB_PASSWORD", "DB_USERNAME", "JWT_PRIVATE_KEY"]
    error_message = "user-service gets its DB login, JWT key and admin password from Secrets Manager."
  }

  assert {
    condition     = [for s in module.service["reservation-service"].container_definition.secrets : s.name] == ["ADMISSION_PRIVATE_KEY", "DB_PASSWORD", "DB_USERNAME"]
    error_message = "reservation-service gets its DB login and the admission signing key from Secrets Manager."
  }

  assert {
    condition     = one([for s in module.service["reservation-service"].container_definition.secrets : s.valueFrom if s.name == "ADMISSION_PRIVATE_KEY"]) == module.secrets.arns["admission-private-key"]
    error_message = "ADMISSION_PRIVATE_KEY comes from the admission-private-key secret."
  }

  assert {
    condition     = module.secrets.arns["admission-private-key"] != module.secrets.arns["jwt-private-key"]
    error_message = "Admission tokens are signed with a key of their own, not user-service's JWT key."
  }

  assert {
    condition = contains(
      [for e in module.service["gateway-service"].container_definition.environment : "${e.name}=${e.value}"],
      "ADMISSION_JWKS_URI=http://reservation-service:8084/.well-known/admission-jwks.json",
    )
    error_message = "The gateway checks admission tokens against reservation-service's keys, by its Service Connect name."
  }

  assert {
    condition     = alltrue([for s in module.service : strcontains(s.container_definition.healthCheck.command[1], "/actuator/health/readiness")])
    error_message = "Every container is health-checked on readiness."
  }
}

run "each_service_logs_into_the_database_as_its_own_user" {
  command = apply

  # (the mock gives every secret its own random ARN, so "its own" and "the master" are told apart)
  assert {
    condition     = length(distinct(concat(values(module.db_users.secret_arns), [module.rds.master_user_secret_arn]))) == 6
    error_message = "Five distinct login secrets, none of them the master secret."
  }

  assert {
    condition     = toset(keys(module.db_users.secret_arns)) == toset(["user-service", "concert-service", "seat-service", "reservation-service", "media-service"])
    error_message = "Every service with a database has its own login secret; the gateway has none."
  }

  assert {
    condition = alltrue(flatten([
      for k, arn in module.db_users.secret_arns : [
        for s in module.service[k].container_definition.secrets : startswith(s.valueFrom, "${arn}:") if contains(["DB_USERNAME", "DB_PASSWORD"], s.name)
      ]
    ]))
    error_message = "DB_USERNAME and DB_PASSWORD of each service come from that service's own login secret."
  }

  assert {
    condition = alltrue([
      for k, arn in module.db_users.secret_arns : length([
        for s in module.service[k].container_definition.secrets : s if contains(["DB_USERNAME", "DB_PASSWORD"], s.name)
      ]) == 2
    ])
    error_message = "Each service with a database gets both DB_USERNAME and DB_PASSWORD as secrets."
  }

  assert {
    condition     = alltrue([for k, s in module.service : !anytrue([for e in s.container_definition.environment : e.name == "DB_USERNAME"])])
    error_message = "No service gets a database user name as plain environment (the master's name was)."
  }

  assert {
    condition     = alltrue([for k, s in module.service : !strcontains(jsonencode(s.container_definition.secrets), module.rds.master_user_secret_arn)])
    error_message = "No service task may be given the RDS master secret."
  }

  assert {
    condition     = alltrue([for k, r in module.service_iam : !contains(r.execution_secret_arns, module.rds.master_user_secret_arn)])
    error_message = "No service's execution role may read the RDS master secret."
  }

  assert {
    condition = alltrue([
      for k, arn in module.db_users.secret_arns : module.service_iam[k].execution_secret_arns == (
        k == "user-service" ? [arn, module.secrets.arns["jwt-private-key"], module.secrets.arns["admin-password"]]
        : k == "reservation-service" ? [arn, module.secrets.arns["admission-private-key"]] : [arn]
      )
    ])
    error_message = "Each service's execution role reads its own login secret (user-service also its JWT key and admin password, reservation-service its admission key), nothing else."
  }

  assert {
    condition     = contains(module.db_users.execution_secret_arns, module.rds.master_user_secret_arn)
    error_message = "The bootstrap task is the one that reads the master secret."
  }

  assert {
    condition     = toset([for s in module.db_users.container_definition.secrets : s.valueFrom if startswith(s.valueFrom, module.rds.master_user_secret_arn)]) == toset(["${module.rds.master_user_secret_arn}:username::", "${module.rds.master_user_secret_arn}:password::"])
    error_message = "The bootstrap task logs in with the master secret."
  }

  assert {
    condition     = strcontains(module.db_users.container_definition.command[0], "GRANT ALL PRIVILEGES ON tickitecking_seat.* TO '$${SEAT_SERVICE_DB_USERNAME}'@'%'")
    error_message = "The bootstrap grants each login its own database only."
  }

  assert {
    condition     = !strcontains(module.db_users.container_definition.command[0], "*.*")
    error_message = "No login gets rights on every database."
  }
}

run "the_public_alb_never_routes_the_actuator" {
  command = apply

  assert {
    condition     = module.alb.private_path_rule.listener_arn == module.alb.https_listener_arn
    error_message = "The rule sits on the public HTTPS listener."
  }

  assert {
    condition     = module.alb.private_path_rule.priority == 1 && module.alb.private_path_rule.action == "fixed-response" && module.alb.private_path_rule.status_code == "404"
    error_message = "Before any forwarding, the listener answers /actuator with a fixed 404."
  }

  assert {
    condition     = contains(module.alb.private_path_rule.patterns, "*/actuator/*") && contains(module.alb.private_path_rule.patterns, "*/actuator")
    error_message = "The rule covers /actuator and everything under it (/actuator/prometheus)."
  }
}

run "rejects_a_non_acm_certificate" {
  command = plan

  variables {
    certificate_arn = "not-an-arn"
  }

  expect_failures = [var.certificate_arn]
}
