package com.tickitecking.user.auth;

import com.tickitecking.user.throttle.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@Tag(name = "Sessions", description = "Logging in and out: access and refresh tokens, and the keys that verify them")
@RestController
public class AuthController {

    private final AuthService auth;
    private final SigningKey signingKey;

    public AuthController(AuthService auth, SigningKey signingKey) {
        this.auth = auth;
        this.signingKey = signingKey;
    }

    public record LoginRequest(@NotBlank @Size(max = 20) String username, @NotBlank @Size(max = 100) String password) {
    }

    public record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
    }

    @Operation(summary = "Log in: username and password for an access token and a refresh token",
            description = "The access token is short-lived (`expiresIn` seconds); the refresh token gets new ones. "
                    + "After repeated failures from one address or for one account: 429 with Retry-After.")
    @ApiResponse(responseCode = "200", description = "The tokens")
    @ApiResponse(responseCode = "401", description = "Wrong username or password")
    @PostMapping("/api/v1/users/login")
    public TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return auth.login(request.username(), request.password(), ClientAddress.of(http));
    }

    @Operation(summary = "Exchange a refresh token for new tokens",
            description = "Each refresh token works once; presenting one a second time revokes all of the account's tokens.")
    @ApiResponse(responseCode = "200", description = "The new tokens")
    @ApiResponse(responseCode = "401", description = "The refresh token is not valid (unknown, used, revoked or expired)")
    @PostMapping("/api/v1/users/refresh")
    public TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return auth.refresh(request.refreshToken());
    }

    @Operation(summary = "Log out: revoke a refresh token", description = "Revoking a token that is not valid succeeds too.")
    @PostMapping("/api/v1/users/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void logout(@Valid @RequestBody RefreshRequest request) {
        auth.logout(request.refreshToken());
    }

    @Operation(summary = "The public keys that verify access tokens",
            description = "A JSON Web Key Set (RFC 7517) of the RS256 keys; served by user-service itself, not through the gateway.")
    @GetMapping("/.well-known/jwks.json")
    public Map<String, Object> jwks() {
        return signingKey.publicJwks().toJSONObject();
    }
}
