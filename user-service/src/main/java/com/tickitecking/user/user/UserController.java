package com.tickitecking.user.user;

import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.user.throttle.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@RequestMapping("/api/v1/users")
public class UserController {

    private final UserService users;

    public UserController(UserService users) {
        this.users = users;
    }

    @Operation(summary = "Create an account (role USER); too many from one address in an hour: 429 with Retry-After")
    @PostMapping("/signup")
    public ResponseEntity<UserResponse> signup(@Valid @RequestBody UserRequests.Signup request, HttpServletRequest http) {
        User user = users.signup(request, ClientAddress.of(http));
        return ResponseEntity.created(URI.create("/api/v1/users/me")).body(UserResponse.of(user));
    }

    @GetMapping("/me")
    public UserResponse me(AuthenticatedUser caller) {
        return UserResponse.of(users.activeUser(caller.id()));
    }

    @PutMapping("/me")
    public UserResponse update(AuthenticatedUser caller, @Valid @RequestBody UserRequests.UpdateProfile request) {
        return UserResponse.of(users.updateProfile(caller.id(), request));
    }

    @Operation(summary = "Delete the account (soft): it can no longer log in, its refresh tokens are revoked")
    @DeleteMapping("/me")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(AuthenticatedUser caller) {
        users.delete(caller.id());
    }
}
