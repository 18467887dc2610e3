package org.chokepoint.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AdminUserNameTests {

	private final UserDetailsService users = new SecurityConfiguration().users(
			new SecurityProperties("admin", "secret", List.of(), false, false),
			PasswordEncoderFactories.createDelegatingPasswordEncoder());

	@Test
	void findsTheAdminByItsExactName() {
		assertThat(this.users.loadUserByUsername("admin").getAuthorities()).map(Object::toString)
			.containsExactly("ROLE_ADMIN");
	}

	@Test
	void refusesTheAdminNameInAnotherCase() {
		for (String name : List.of("ADMIN", "Admin", "admiN")) {
			assertThatExceptionOfType(UsernameNotFoundException.class)
				.isThrownBy(() -> this.users.loadUserByUsername(name));
		}
	}

}
