import { asGrafana, type PrometheusDashboard } from '../../dashboard-types';
const dashboard: PrometheusDashboard = {
  "uid": "tickitecking-overview",
  "title": "Tickitecking / Overview",
  "tags": [
    "tickitecking",
    "overview"
  ],
  "editable": false,
  "graphTooltip": 1,
  "schemaVersion": 41,
  "version": 1,
  "refresh": "30s",
  "time": {
    "from": "now-1h",
    "to": "now"
  },
  "timezone": "browser",
  "annotations": {
    "list": []
  },
  "templating": {
    "list": []
  },
  "links": [
    {
      "title": "gateway-service",
      "type": "link",
      "url": "/d/tickitecking-gateway-service",
      "icon": "dashboard",
      "tooltip": "gateway-service dashboard",
      "asDropdown": false,
      "includeVars": false,
      "keepTime": true,
      "tags": [],
      "targetBlank": false
    },
    {
      "title": "user-service",
      "type": "link",
      "url": "/d/tickitecking-user-service",
      "icon": "dashboard",
      "tooltip": "user-service dashboard",
      "asDropdown": false,
      "includeVars": false,
      "keepTime": true,
      "tags": [],
      "targetBlank": false
    },
    {
      "title": "concert-service",
      "type": "link",
      "url": "/d/tickitecking-concert-service",
      "icon": "dashboard",
      "tooltip": "concert-service dashboard",
      "asDropdown": false,
      "includeVars": false,
      "keepTime": true,
      "tags": [],
      "targetBlank": false
    },
    {
      "title": "seat-service",
      "type": "link",
      "url": "/d/tickitecking-seat-service",
      "icon": "dashboard",
      "tooltip": "seat-service dashboard",
      "asDropdown": false,
      "includeVars": false,
      "keepTime": true,
      "tags": [],
      "targetBlank": false
    },
    {
      "title": "reservation-service",
      "type": "link",
      "url": "/d/tickitecking-reservation-service",
      "icon": "dashboard",
      "tooltip": "reservation-service dashboard",
      "asDropdown": false,
      "includeVars": false,
      "keepTime": true,
      "tags": [],
      "targetBlank": false
    },
    {
      "title": "media-service",
      "type": "link",
      "url": "/d/tickitecking-media-service",
      "icon": "dashboard",
      "tooltip": "media-service dashboard",
      "asDropdown": false,
      "includeVars": false,
      "keepTime": true,
      "tags": [],
      "targetBlank": false
    }
  ],
  "panels": [
    {
      "id": 1,
      "type": "row",
      "title": "Services",
      "collapsed": false,
      "panels": [],
      "gridPos": {
        "h": 1,
        "w": 24,
        "x": 0,
        "y": 0
      }
    },
    {
      "id": 2,
      "type": "timeseries",
      "title": "Up by service",
      "datasource": {
        "type": "prometheus",
        "uid": "prometheus"
      },
      "targets": [
        {
          "refId": "A",
          "datasource": {
            "type": "prometheus",
            "uid": "prometheus"
          },
          "expr": "sum by (service (up",
          "legendFormat": "{{service}}",
          "range": true
        }
      ],
      "fieldConfig": {
        "defaults": {
          "unit": "bool_yes_no",
          "custom": {
            "lineWidth": 1,
            "fillOpacity": 10,
            "stacking": {
              "mode": "none"
            }
          }
        },
        "overrides": []
      },
      "options": {
        "legend": {
          "displayMode": "table",
          "placement": "bottom",
          "calcs": [
            "mean",
            "max",
            "lastNotNull"
          ]
        },
        "tooltip": {
          "mode": "multi",
          "sort": "desc"
        }
      },
      "gridPos": {
        "h": 8,
        "w": 12,
        "x": 0,
        "y": 1
      }
    },
    {
      "id": 3,
      "type": "timeseries",
      "title": "Requests / s by service",
      "datasource": {
        "type": "prometheus",
        "uid": "prometheus"
      },
      "targets": [
        {
          "refId": "A",
          "datasource": {
            "type": "prometheus",
            "uid": "prometheus"
          },
          "expr": "sum by (service) (rate(http_server_requests_seconds_count{uri!~\"/actuator.*\"}[$__rate_interval]))",
          "legendFormat": "{{service}}",
          "range": true
        }
      ],
      "fieldConfig": {
        "defaults": {
          "unit": "reqps",
          "custom": {
            "lineWidth": 1,
            "fillOpacity": 10,
            "stacking": {
              "mode": "none"
            }
          }
        },
        "overrides": []
      },
      "options": {
        "legend": {
          "displayMode": "table",
          "placement": "bottom",
          "calcs": [
            "mean",
            "max",
            "lastNotNull"
          ]
        },
        "tooltip": {
          "mode": "multi",
          "sort": "desc"
        }
      },
      "gridPos": {
        "h": 8,
        "w": 12,
        "x": 12,
        "y": 1
      }
    },
    {
      "id": 4,
      "type": "timeseries",
      "title": "5xx ratio by service (alert above 5%)",
      "datasource": {
        "type": "prometheus",
        "uid": "prometheus"
      },
      "targets": [
        {
          "refId": "A",
          "datasource": {
            "type": "prometheus",
            "uid": "prometheus"
          },
          "expr": "sum by (service) (rate(http_server_requests_seconds_count{uri!~\"/actuator.*\", status=~\"5..\"}[$__rate_interval])) / sum by (service) (rate(http_server_requests_seconds_count{uri!~\"/actuator.*\"}[$__rate_interval]))",
          "legendFormat": "{{service}}",
          "range": true
        }
      ],
      "fieldConfig": {
        "defaults": {
          "unit": "percentunit",
          "custom": {
            "lineWidth": 1,
            "fillOpacity": 10,
            "stacking": {
              "mode": "none"
            }
          }
        },
        "overrides": []
      },
      "options": {
        "legend": {
          "displayMode": "table",
          "placement": "bottom",
          "calcs": [
            "mean",
            "max",
            "lastNotNull"
          ]
        },
        "tooltip": {
          "mode": "multi",
          "sort": "desc"
        }
      },
      "gridPos": {
        "h": 8,
        "w": 12,
        "x": 0,
        "y": 9
      }
    },
    {
      "id": 5,
      "type": "timeseries",
      "title": "p99 latency by service (alert above 1 s)",
      "datasource": {
        "type": "prometheus",
        "uid": "prometheus"
      },
      "targets": [
        {
          "refId": "A",
          "datasource": {
            "type": "prometheus",
            "uid": "prometheus"
          },
          "expr": "histogram_quantile(0.99, sum by (service, le) (rate(http_server_requests_seconds_bucket{uri!~\"/actuator.*\"}[$__rate_interval])))",
          "legendFormat": "{{service}}",
          "range": true
        }
      ],
      "fieldConfig": {
        "defaults": {
          "unit": "s",
          "custom": {
            "lineWidth": 1,
            "fillOpacity": 10,
            "stacking": {
              "mode": "none"
            }
          }
        },
        "overrides": []
      },
      "options": {
        "legend": {
          "displayMode": "table",
          "placement": "bottom",
          "calcs": [
            "mean",
            "max",
            "lastNotNull"
          ]
        },
        "tooltip": {
          "mode": "multi",
          "sort": "desc"
        }
      },
      "gridPos": {
        "h": 8,
        "w": 12,
        "x": 12,
        "y": 9
      }
    },
    {
      "id": 6,
      "type": "row",
      "title": "Business",
      "collapsed": false,
      "panels": [],
      "gridPos": {
        "h": 1,
        "w": 24,
        "x": 0,
        "y": 17
      }
    },
    {
      "id": 7,
      "type": "timeseries",
      "title": "Reservation attempts by outcome",
      "datasource": {
        "type": "prometheus",
        "uid": "prometheus"
      },
      "targets": [
        {
          "refId": "A",
          "datasource": {
            "type": "prometheus",
            "uid": "prometheus"
          },
          "expr": "sum by (outcome) (rate(tickitecking_reservations_total[$__rate_interval]))",
          "legendFormat": "{{outcome}}",
          "range": true
        }
      ],
      "fieldConfig": {
        "defaults": {
          "unit": "ops",
          "custom": {
            "lineWidth": 1,
            "fillOpacity": 30,
            "stacking": {
              "mode": "normal"
            }
          }
        },
        "overrides": []
      },
      "options": {
        "legend": {
          "displayMode": "table",
          "placement": "bottom",
          "calcs": [
            "mean",
            "max",
            "lastNotNull"
          ]
        },
        "tooltip": {
          "mode": "multi",
          "sort": "desc"
        }
      },
      "gridPos": {
        "h": 8,
        "w": 12,
        "x": 0,
        "y": 18
      }
    },
    {
      "id": 8,
      "type": "timeseries",
      "title": "Guard rejections by service and guard",
      "datasource": {
        "type": "prometheus",
        "uid": "prometheus"
      },
      "targets": [
        {
          "refId": "A",
          "datasource": {
            "type": "prometheus",
            "uid": "prometheus"
          },
          "expr": "sum by (service, guard) (rate(tickitecking_guard_rejections_total[$__rate_interval]))",
          "legendFormat": "{{service}} {{guard}}",
          "range": true
        }
      ],
      "fieldConfig": {
        "defaults": {
          "unit": "ops",
          "custom": {
            "lineWidth": 1,
            "fillOpacity": 10,
            "stacking": {
              "mode": "none"
            }
          }
        },
        "overrides": []
      },
      "options": {
        "legend": {
          "displayMode": "table",
          "placement": "bottom",
          "calcs": [
            "mean",
            "max",
            "lastNotNull"
          ]
        },
        "tooltip": {
          "mode": "multi",
          "sort": "desc"
        }
      },
      "gridPos": {
        "h": 8,
        "w": 12,
        "x": 12,
        "y": 18
      }
    },
    {
      "id": 9,
      "type": "row",
      "title": "Messaging",
      "collapsed": false,
      "panels": [],
      "gridPos": {
        "h": 1,
        "w": 24,
        "x": 0,
        "y": 26
      }
    },
    {
      "id": 10,
      "type": "timeseries",
      "title": "Oldest outbox event age by service",
      "datasource": {
        "type": "prometheus",
        "uid": "prometheus"
      },
      "targets": [
        {
          "refId": "A",
          "datasource": {
            "type": "prometheus",
            "uid": "prometheus"
          },
          "expr": "max by (service) (tickitecking_outbox_oldest_age_seconds)",
          "legendFormat": "{{service}}",
          "range": true
        }
      ],
      "fieldConfig": {
        "defaults": {
          "unit": "s",
          "custom": {
            "lineWidth": 1,
            "fillOpacity": 10,
            "stacking": {
              "mode": "none"
            }
          }
        },
        "overrides": []
      },
      "options": {
        "legend": {
          "displayMode": "table",
          "placement": "bottom",
          "calcs": [
            "mean",
            "max",
            "lastNotNull"
          ]
        },
        "tooltip": {
          "mode": "multi",
          "sort": "desc"
        }
      },
      "gridPos": {
        "h": 8,
        "w": 12,
        "x": 0,
        "y": 27
      }
    },
    {
      "id": 11,
      "type": "timeseries",
      "title": "Event lag p99 by consumer",
      "datasource": {
        "type": "prometheus",
        "uid": "prometheus"
      },
      "targets": [
        {
          "refId": "A",
          "datasource": {
            "type": "prometheus",
            "uid": "prometheus"
          },
          "expr": "histogram_quantile(0.99, sum by (consumer, le) (rate(tickitecking_event_lag_seconds_bucket[$__rate_interval])))",
          "legendFormat": "{{consumer}}",
          "range": true
        }
      ],
      "fieldConfig": {
        "defaults": {
          "unit": "s",
          "custom": {
            "lineWidth": 1,
            "fillOpacity": 10,
            "stacking": {
              "mode": "none"
            }
          }
        },
        "overrides": []
      },
      "options": {
        "legend": {
          "displayMode": "table",
          "placement": "bottom",
          "calcs": [
            "mean",
            "max",
            "lastNotNull"
          ]
        },
        "tooltip": {
          "mode": "multi",
          "sort": "desc"
        }
      },
      "gridPos": {
        "h": 8,
        "w": 12,
        "x": 12,
        "y": 27
      }
    },
    {
      "id": 12,
      "type": "timeseries",
      "title": "Dead-letter queue depth",
      "datasource": {
        "type": "prometheus",
        "uid": "prometheus"
      },
      "targets": [
        {
          "refId": "A",
          "datasource": {
            "type": "prometheus",
            "uid": "prometheus"
          },
          "expr": "max by (queue) (tickitecking_dlq_messages)",
          "legendFormat": "{{queue}}",
          "range": true
        }
      ],
      "fieldConfig": {
        "defaults": {
          "unit": "short",
          "custom": {
            "lineWidth": 1,
            "fillOpacity": 10,
            "stacking": {
              "mode": "none"
            }
          }
        },
        "overrides": []
      },
      "options": {
        "legend": {
          "displayMode": "table",
          "placement": "bottom",
          "calcs": [
            "mean",
            "max",
            "lastNotNull"
          ]
        },
        "tooltip": {
          "mode": "multi",
          "sort": "desc"
        }
      },
      "gridPos": {
        "h": 8,
        "w": 12,
        "x": 0,
        "y": 35
      }
    }
  ]
};
export default asGrafana(dashboard);
