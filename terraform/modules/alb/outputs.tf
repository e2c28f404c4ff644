output "dns_name" {
  value = aws_lb.this.dns_name
}

output "zone_id" {
  value = aws_lb.this.zone_id
}

output "security_group_id" {
  value = aws_security_group.alb.id
}

output "target_group_arn" {
  value = aws_lb_target_group.gateway.arn
}

# "app/<name>/<id>/targetgroup/<name>/<id>": the resource label that the
# ALBRequestCountPerTarget scaling metric needs.
output "request_count_resource_label" {
  value = "${aws_lb.this.arn_suffix}/${aws_lb_target_group.gateway.arn_suffix}"
}

output "internal" {
  value = aws_lb.this.internal
}
