package io.tocsin.api.user;

import io.tocsin.api.security.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Users; every finder but the login lookup is scoped to a tenant. */
public interface UserRepository extends MongoRepository<User, String> {

  List<User> findByUsernameOrEmail(String username, String email);

  Optional<User> findByIdAndTenantId(String id, String tenantId);

  long countByTenantId(String tenantId);

  long countByTenantIdAndRole(String tenantId, Role role);

  boolean existsByTenantIdAndUsername(String tenantId, String username);

  boolean existsByTenantIdAndEmail(String tenantId, String email);
}
