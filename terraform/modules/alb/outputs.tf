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

output "private_path_rule" {
  description = "The listener rule hiding the actuator: where it sits and what it answers."
  value = {
    listener_arn = aws_lb_listener_rule.hide_actuator.listener_arn
    priority     = aws_lb_listener_rule.hide_actuator.priority
    action       = aws_lb_listener_rule.hide_actuator.action[0].type
    status_code  = aws_lb_listener_rule.hide_actuator.action[0].fixed_response[0].status_code
    patterns     = one(aws_lb_listener_rule.hide_actuator.condition[*].path_pattern[0].values)
  }
}

output "https_listener_arn" {
  value = aws_lb_listener.https.arn
}
