output "execution_role_arn" {
  value = aws_iam_role.execution.arn
}

output "task_role_arn" {
  value = aws_iam_role.task.arn
}

output "task_role_name" {
  value = aws_iam_role.task.name
}

output "task_policy" {
  description = "The task role's inline policy document (JSON), null when it needs none."
  value       = one(aws_iam_role_policy.task[*].policy)
}

output "execution_secret_arns" {
  description = "The secrets this service's execution role may read into its environment."
  value       = var.secret_arns
}
