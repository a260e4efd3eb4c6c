package io.tocsin.api.policy;

import io.tocsin.api.error.ApiException;
import io.tocsin.engine.format.PolicyDocument;
import io.tocsin.engine.policy.PolicyDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Storage of policies and their versions; every query is scoped to a tenant. */
@Component
class PolicyStore {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final MongoTemplate mongo;

  PolicyStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  static String source(PolicyDefinition policy) {
    return JSON.writeValueAsString(PolicyDocument.render(policy));
  }

  static Map<String, Object> sourceMap(String source) {
    return JSON.readValue(source, MAP);
  }

  static PolicyDefinition definition(PolicyRecord record) {
    return PolicyDocument.read(sourceMap(record.source())).definition(record.policyId(), true);
  }

  PolicyRecord find(String tenantId, String policyId) {
    PolicyRecord record = mongo.findById(PolicyRecord.idOf(tenantId, policyId), PolicyRecord.class);
    if (record == null || !tenantId.equals(record.tenantId())) {
      throw ApiException.notFound("Policy [" + policyId + "]");
    }
    return record;
  }

  boolean exists(String tenantId, String policyId) {
    return mongo.exists(
        Query.query(Criteria.where("_id").is(PolicyRecord.idOf(tenantId, policyId))),
        PolicyRecord.class);
  }

  List<PolicyRecord> all(String tenantId) {
    return mongo.find(
        Query.query(Criteria.where("tenantId").is(tenantId)).with(Sort.by("policyId")),
        PolicyRecord.class);
  }

  /** A page of the tenant's policies, by id, optionally filtered. */
  List<PolicyRecord> page(Query filter, long offset, int limit) {
    Query query = Query.of(filter).with(Sort.by("policyId")).skip(offset).limit(limit);
    return mongo.find(query, PolicyRecord.class);
  }

  long count(Query filter) {
    return mongo.count(filter, PolicyRecord.class);
  }

  void insert(PolicyRecord record) {
    try {
      mongo.insert(record);
    } catch (DuplicateKeyException e) {
      throw ApiException.conflict("Policy [" + record.policyId() + "] already exists");
    }
  }

  /** Replaces the record if it is still at {@code expectedVersion}; 409 otherwise. */
  void replace(PolicyRecord record, int expectedVersion) {
    Query current =
        Query.query(Criteria.where("_id").is(record.id()).and("version").is(expectedVersion));
    if (mongo.findAndReplace(current, record) == null) {
      throw ApiException.conflict(
          "Policy [" + record.policyId() + "] was changed concurrently; reload it and retry");
    }
  }

  void remove(PolicyRecord record) {
    mongo.remove(Query.query(Criteria.where("_id").is(record.id())), PolicyRecord.class);
  }

  /** Appends a history entry holding the full source after the change. */
  void recordVersion(
      String tenantId,
      String policyId,
      int version,
      String change,
      String user,
      Instant at,
      String source) {
    mongo.save(
        new PolicyVersion(
            PolicyVersion.idOf(tenantId, policyId, version),
            tenantId,
            policyId,
            version,
            change,
            user,
            at,
            source));
  }

  /** The highest version number ever recorded for the policy id (0 when none). */
  int lastVersion(String tenantId, String policyId) {
    PolicyVersion last =
        mongo.findOne(
            versionsOf(tenantId, policyId).with(Sort.by(Sort.Direction.DESC, "version")).limit(1),
            PolicyVersion.class);
    return last == null ? 0 : last.version();
  }

  List<PolicyVersion> versions(String tenantId, String policyId, long offset, int limit) {
    return mongo.find(
        versionsOf(tenantId, policyId)
            .with(Sort.by(Sort.Direction.DESC, "version"))
            .skip(offset)
            .limit(limit),
        PolicyVersion.class);
  }

  long countVersions(String tenantId, String policyId) {
    return mongo.count(versionsOf(tenantId, policyId), PolicyVersion.class);
  }

  PolicyVersion version(String tenantId, String policyId, int version) {
    PolicyVersion v =
        mongo.findById(PolicyVersion.idOf(tenantId, policyId, version), PolicyVersion.class);
    if (v == null || !tenantId.equals(v.tenantId())) {
      throw ApiException.notFound("Version [" + version + "] of policy [" + policyId + "]");
    }
    return v;
  }

  private static Query versionsOf(String tenantId, String policyId) {
    return Query.query(Criteria.where("tenantId").is(tenantId).and("policyId").is(policyId));
  }
}
