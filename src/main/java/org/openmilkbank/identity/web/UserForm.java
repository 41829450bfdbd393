package org.openmilkbank.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.openmilkbank.shared.Role;

record UserForm(
        @NotBlank @Size(max = 40) String username,
        @NotBlank @Size(max = 120) String displayName,
        @NotBlank @Size(max = 200) String password,
        @NotEmpty Set<Role> roles) {}
