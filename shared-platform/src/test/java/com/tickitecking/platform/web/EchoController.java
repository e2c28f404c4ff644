package com.tickitecking.platform.web;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** A JSON endpoint for the platform's own tests: answers with what it parsed. */
@RestController
class EchoController {

    record Layout(String name, List<Object> rows) {
    }

    @PostMapping("/test/echo")
    Layout echo(@RequestBody Layout layout) {
        return layout;
    }
}
