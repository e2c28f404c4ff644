output "service_name" {
  value = aws_ecs_service.this.name
}

output "task_definition_arn" {
  value = aws_ecs_task_definition.this.arn
}

output "log_group_name" {
  value = aws_cloudwatch_log_group.this.name
}

# Placement facts, read by terraform/tests.
output "launch_type" {
  value = aws_ecs_service.this.launch_type
}

output "subnet_ids" {
  value = aws_ecs_service.this.network_configuration[0].subnets
}

output "assign_public_ip" {
  value = aws_ecs_service.this.network_configuration[0].assign_public_ip
}

output "load_balanced" {
  value = length(aws_ecs_service.this.load_balancer) > 0
}

output "container_definition" {
  description = "The single container definition, decoded."
  value       = jsondecode(aws_ecs_task_definition.this.container_definitions)[0]
}
