output "queue_arns" {
  description = "Queue name (without prefix) => ARN."
  value       = { for k, q in aws_sqs_queue.queue : k => q.arn }
}

output "queue_urls" {
  value = { for k, q in aws_sqs_queue.queue : k => q.id }
}

output "dlq_arns" {
  value = { for k, q in aws_sqs_queue.dlq : k => q.arn }
}

output "queue_names" {
  value = { for k, q in aws_sqs_queue.queue : k => q.name }
}

output "redrive_policies" {
  description = "Queue name => decoded redrive policy."
  value       = { for k, q in aws_sqs_queue.queue : k => jsondecode(q.redrive_policy) }
}
