package com.tickitecking.user.auth;

import com.tickitecking.user.throttle.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
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

    @Operation(summary = "Exchange username and password for an access token and a refresh token; "
            + "after repeated failures 429 with Retry-After")
    @PostMapping("/api/v1/users/login")
    public TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return auth.login(request.username(), request.password(), ClientAddress.of(http));
    }

    @Operation(summary = "Exchange a refresh token (once) for new tokens; a reused token revokes them all")
    @PostMapping("/api/v1/users/refresh")
    public TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return auth.refresh(request.refreshToken());
    }

    @Operation(summary = "Revoke a refresh token")
    @PostMapping("/api/v1/users/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void logout(@Valid @RequestBody RefreshRequest request) {
        auth.logout(request.refreshToken());
    }

    @Operation(summary = "The public keys that verify access tokens (JWKS)")
    @GetMapping("/.well-known/jwks.json")
    public Map<String, Object> jwks() {
        return signingKey.publicJwks().toJSONObject();
    }
}
