package io.tocsin.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tocsin.api.support.ApiTest;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Holds {@code /v3/api-docs} to what an SDK generator needs: every body typed, names as they
 * travel, one meaningful id, summary and tag per operation, error responses listed, one paging
 * shape. Each test reports every offender at once, so a failure is a to-do list.
 */
class OpenApiContractTest extends ApiTest {

  private static final Pattern OPERATION_ID = Pattern.compile("[a-z][A-Za-z0-9]*");
  private static final Pattern SNAKE_CASE =
      Pattern.compile("[a-z][a-z0-9_]*|[a-z][a-z0-9]*\\.[a-z_.]+");
  private static final List<String> PAGE_FIELDS = List.of("total", "limit", "has_more");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping mappings;

  private JsonNode document;

  @BeforeEach
  void readDocument() {
    document = anonymous().get("/v3/api-docs").body();
  }

  @Test
  void everyOperationHasAMeaningfulIdSummaryAndTag() {
    List<String> problems = new ArrayList<>();
    forEachOperation(
        (where, operation) -> {
          String id = operation.path("operationId").asString("");
          if (!OPERATION_ID.matcher(id).matches()) {
            problems.add(where + ": operationId '" + id + "' (name the handler method verbNoun)");
          }
          if (operation.path("summary").asString("").isBlank()) {
            problems.add(where + ": no summary (@Operation(summary = ...))");
          }
          JsonNode tags = operation.path("tags");
          if (tags.isEmpty() || tags.get(0).asString("").endsWith("-controller")) {
            problems.add(where + ": no tag (@Tag on the controller)");
          }
        });
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  @Test
  void everyOperationListsItsErrorResponses() {
    List<String> problems = new ArrayList<>();
    forEachOperation(
        (where, operation) -> {
          JsonNode responses = operation.path("responses");
          if (responses.propertyNames().stream().noneMatch(code -> code.startsWith("2"))) {
            // springdoc drops the default 200 once a handler declares any @ApiResponse
            problems.add(where + ": no success response");
          }
          if (!responses.has("500")) {
            problems.add(where + ": no 500 response");
          }
          for (Map.Entry<String, JsonNode> response : responses.properties()) {
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
              String ref =
                  response
                      .getValue()
                      .path("content")
                      .path("application/json")
                      .path("schema")
                      .path("$ref")
                      .asString("");
              if (!ref.endsWith("/ErrorBody") && !isStatusDocument(response, responses)) {
                problems.add(where + ": " + response.getKey() + " is not the error document");
              }
            }
          }
          JsonNode security = operation.path("security");
          boolean open = security.isArray() && security.isEmpty();
          if (!open && !responses.has("401")) {
            problems.add(where + ": authenticated but no 401 response");
          }
        });
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  @Test
  void noBodyIsUntyped() {
    List<String> problems = new ArrayList<>();
    forEachOperation(
        (where, operation) -> {
          checkContent(where + " request", operation.path("requestBody").path("content"), problems);
          for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
            checkContent(
                where + " " + response.getKey(), response.getValue().path("content"), problems);
          }
        });
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  @Test
  void componentsAreTypedAndNamedAsTheyTravel() {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> schema : schemas().properties()) {
      for (Map.Entry<String, JsonNode> property :
          schema.getValue().path("properties").properties()) {
        String where = schema.getKey() + "." + property.getKey();
        if (!SNAKE_CASE.matcher(property.getKey()).matches()) {
          problems.add(where + ": not snake_case as sent on the wire");
        }
        JsonNode value = property.getValue();
        if (freeForm(value) && value.path("description").asString("").isBlank()) {
          problems.add(where + ": free-form value without a description of what it holds");
        }
      }
    }
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  @Test
  void everyListHasTheOnePageShape() {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> schema : schemas().properties()) {
      JsonNode properties = schema.getValue().path("properties");
      boolean paged = properties.has("has_more") || properties.has("next_cursor");
      if (paged && !PAGE_FIELDS.stream().allMatch(properties::has)) {
        problems.add(schema.getKey() + ": paged but lacks one of " + PAGE_FIELDS);
      }
    }
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  /**
   * Schemas are named by simple class name, and swagger merges two classes of one name silently
   * (nested {@code Create} records of two controllers would describe each other's body).
   */
  @Test
  void everyBodyTypeHasAnApiWideUniqueName() {
    Map<String, Set<Class<?>>> byName = new TreeMap<>();
    for (HandlerMethod handler : mappings.getHandlerMethods().values()) {
      Method method = handler.getMethod();
      collect(ResolvableType.forMethodReturnType(method), byName, new HashSet<>());
      for (int i = 0; i < method.getParameterCount(); i++) {
        if (method.getParameters()[i].isAnnotationPresent(RequestBody.class)) {
          collect(ResolvableType.forMethodParameter(method, i), byName, new HashSet<>());
        }
      }
    }
    List<String> clashes =
        byName.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .map(e -> e.getKey() + ": " + e.getValue())
            .toList();
    assertThat(clashes).as(String.join("\n", clashes)).isEmpty();
  }

  private static void collect(
      ResolvableType type, Map<String, Set<Class<?>>> byName, Set<Class<?>> seen) {
    for (ResolvableType generic : type.getGenerics()) {
      collect(generic, byName, seen);
    }
    Class<?> raw = type.resolve();
    if (raw == null || !raw.getName().startsWith("io.tocsin.") || !seen.add(raw)) {
      return;
    }
    Schema named = raw.getAnnotation(Schema.class);
    String name = named != null && !named.name().isEmpty() ? named.name() : raw.getSimpleName();
    byName.computeIfAbsent(name, n -> new HashSet<>()).add(raw);
    if (raw.isRecord()) {
      for (RecordComponent component : raw.getRecordComponents()) {
        collect(ResolvableType.forType(component.getGenericType()), byName, seen);
      }
    }
  }

  /**
   * The document the Java client in {@code samples} is generated from. It is committed so that an
   * API change shows up in review as a change of the contract; rewrite it with {@code
   * -Dopenapi.write=true}.
   */
  @Test
  void committedDocumentIsCurrent() throws IOException {
    String live = anonymous().get("/v3/api-docs").raw().body();
    Path committed = Path.of("..", "docs", "openapi.json");
    if (Boolean.getBoolean("openapi.write")) {
      Files.writeString(committed, pretty(live), StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(committed))
        .as("docs/openapi.json is stale: run this test with -Dopenapi.write=true and commit it")
        .isEqualTo(pretty(live));
  }

  private static String pretty(String json) {
    return tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .writerWithDefaultPrettyPrinter()
            .writeValueAsString(
                tools.jackson.databind.json.JsonMapper.builder().build().readTree(json))
        + "\n";
  }

  private void checkContent(String where, JsonNode content, List<String> problems) {
    for (Map.Entry<String, JsonNode> media : content.properties()) {
      if (!media.getKey().contains("json")) {
        continue; // text/csv, application/pdf, text/event-stream: typed by their media type
      }
      JsonNode schema = media.getValue().path("schema");
      JsonNode items = schema.path("items");
      boolean typed =
          schema.has("$ref")
              || schema.has("oneOf")
              || (schema.path("type").asString("").equals("array")
                  && (items.has("$ref") || items.has("oneOf") || !freeForm(items)))
              || (!schema.path("type").asString("object").equals("object"));
      if (!typed) {
        problems.add(where + " " + media.getKey() + ": untyped body " + schema);
      }
    }
  }

  /**
   * A health endpoint answers 503 with the status document it answers 200 with (load balancers read
   * the code, people the body), not with the error document.
   */
  private static boolean isStatusDocument(Map.Entry<String, JsonNode> response, JsonNode all) {
    String ref = schemaRef(response.getValue());
    return response.getKey().equals("503")
        && !ref.isEmpty()
        && ref.equals(schemaRef(all.path("200")));
  }

  private static String schemaRef(JsonNode response) {
    return response
        .path("content")
        .path("application/json")
        .path("schema")
        .path("$ref")
        .asString("");
  }

  private static boolean freeForm(JsonNode schema) {
    if (schema.has("$ref") || schema.has("oneOf") || schema.has("anyOf") || schema.has("allOf")) {
      return false;
    }
    String type = schema.path("type").asString("");
    if (type.equals("array")) {
      return freeForm(schema.path("items"));
    }
    if (type.isEmpty()) {
      return true;
    }
    if (!type.equals("object") || schema.has("properties")) {
      return false;
    }
    JsonNode values = schema.path("additionalProperties");
    return values.isMissingNode() || values.isBoolean() || freeForm(values);
  }

  private JsonNode schemas() {
    return document.path("components").path("schemas");
  }

  private void forEachOperation(java.util.function.BiConsumer<String, JsonNode> check) {
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        if (operation.getValue().has("responses")) {
          check.accept(
              operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
        }
      }
    }
  }
}
