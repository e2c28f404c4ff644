output "address" {
  description = "Writer endpoint host."
  value       = aws_db_instance.source.address
}

output "replica_address" {
  description = "Read replica host."
  value       = aws_db_instance.replica.address
}

output "port" {
  value = aws_db_instance.source.port
}

output "username" {
  value = aws_db_instance.source.username
}

output "master_user_secret_arn" {
  description = "Secrets Manager secret (JSON with username and password) managed by RDS."
  value       = aws_db_instance.source.master_user_secret[0].secret_arn
}

output "security_group_id" {
  value = aws_security_group.db.id
}

output "publicly_accessible" {
  description = "Source and replica; both must be false."
  value       = [aws_db_instance.source.publicly_accessible, aws_db_instance.replica.publicly_accessible]
}
