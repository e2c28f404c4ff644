output "secret_arns" {
  description = "Service => the ARN of its own login's secret (JSON with username and password)."
  value       = { for k, s in aws_secretsmanager_secret.user : k => s.arn }
}

output "task_definition_arn" {
  value = aws_ecs_task_definition.bootstrap.arn
}

output "task_family" {
  value = aws_ecs_task_definition.bootstrap.family
}

output "log_group_name" {
  value = aws_cloudwatch_log_group.bootstrap.name
}

output "execution_secret_arns" {
  description = "The secrets the bootstrap task's execution role may read (the master secret among them)."
  value       = local.bootstrap_secret_arns
}

output "container_definition" {
  description = "The bootstrap container definition, decoded."
  value       = jsondecode(aws_ecs_task_definition.bootstrap.container_definitions)[0]
}
