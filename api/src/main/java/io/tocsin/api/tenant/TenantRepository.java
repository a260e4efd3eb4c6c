package io.tocsin.api.tenant;

import org.springframework.data.mongodb.repository.MongoRepository;

interface TenantRepository extends MongoRepository<Tenant, String> {}
