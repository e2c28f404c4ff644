package com.tickitecking.user.user;

import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.user.throttle.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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

@Tag(name = "Accounts", description = "Signing up, and the caller's own account")
@RestController
@RequestMapping("/api/v1/users")
public class UserController {

    private final UserService users;

    public UserController(UserService users) {
        this.users = users;
    }

    @Operation(summary = "Create an account (role USER)",
            description = "Usernames are 4-20 letters, digits or _; the password must follow the password policy. Too "
                    + "many sign-ups from one address in an hour: 429 with Retry-After.")
    @ApiResponse(responseCode = "201", description = "The new account; Location is /api/v1/users/me")
    @ApiResponse(responseCode = "409", description = "The username or e-mail is taken (`field` names which)")
    @PostMapping("/signup")
    public ResponseEntity<UserResponse> signup(@Valid @RequestBody UserRequests.Signup request, HttpServletRequest http) {
        User user = users.signup(request, ClientAddress.of(http));
        return ResponseEntity.created(URI.create("/api/v1/users/me")).body(UserResponse.of(user));
    }

    @Operation(summary = "The caller's account", description = "As the access token names it.")
    @GetMapping("/me")
    public UserResponse me(AuthenticatedUser caller) {
        return UserResponse.of(users.activeUser(caller.id()));
    }

    @Operation(summary = "Change the caller's e-mail, nickname or password",
            description = "Fields left out stay as they are; a new password needs the current one (400 otherwise).")
    @ApiResponse(responseCode = "200", description = "The account as it is now")
    @ApiResponse(responseCode = "409", description = "The e-mail is taken (`field` names it)")
    @PutMapping("/me")
    public UserResponse update(AuthenticatedUser caller, @Valid @RequestBody UserRequests.UpdateProfile request) {
        return UserResponse.of(users.updateProfile(caller.id(), request));
    }

    @Operation(summary = "Delete the caller's account",
            description = "Soft: the account can no longer log in and its refresh tokens are revoked.")
    @DeleteMapping("/me")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(AuthenticatedUser caller) {
        users.delete(caller.id());
    }
}
