package com.tickitecking.user.admin;

import com.tickitecking.platform.web.PageResponse;
import com.tickitecking.user.user.UserRequests;
import com.tickitecking.user.user.UserResponse;
import com.tickitecking.user.user.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins only: /api/v1/admin/** requires the ADMIN role (see the platform's security). */
@Tag(name = "Admin: users", description = "Every account, for admins")
@RestController
@RequestMapping("/api/v1/admin/users")
public class AdminUserController {

    private final UserService users;

    public AdminUserController(UserService users) {
        this.users = users;
    }

    @Operation(summary = "All accounts, by id", description = "Deleted accounts included (`deleted`).")
    @GetMapping
    public PageResponse<UserResponse> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageResponse.of(users.list(PageRequest.of(page, size, Sort.by("id"))), UserResponse::of);
    }

    @Operation(summary = "Change an account's role",
            description = "Takes effect with the account's next access token (at the latest when it is refreshed). "
                    + "A deleted account's role cannot change: 409.")
    @PutMapping("/{id}/role")
    public UserResponse changeRole(@PathVariable long id, @Valid @RequestBody UserRequests.ChangeRole request) {
        return UserResponse.of(users.changeRole(id, request.role()));
    }
}
