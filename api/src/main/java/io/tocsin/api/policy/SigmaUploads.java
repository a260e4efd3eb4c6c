package io.tocsin.api.policy;

import io.tocsin.api.error.ApiException;
import io.tocsin.rules.sigma.SigmaSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Turns an upload into Sigma sources, by content type. A zip is read as a stream with hard limits
 * (entries, bytes per file, bytes in total), so a zip bomb costs at most those bytes; only {@code
 * .yml}/{@code .yaml} entries are read, anything else is skipped. Text must be UTF-8.
 */
final class SigmaUploads {

  static final int MAX_ENTRIES = 5_000;
  static final long MAX_FILE_BYTES = 1024 * 1024;
  static final long MAX_TOTAL_BYTES = 32L * 1024 * 1024;

  private SigmaUploads() {}

  static List<SigmaSource> read(String contentType, byte[] body) {
    if (body.length == 0) {
      throw ApiException.badRequest("the body is empty: send Sigma YAML or a zip of rules");
    }
    String type =
        contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "application/zip", "application/x-zip-compressed" -> zip(body);
      case "application/yaml",
          "application/x-yaml",
          "text/yaml",
          "text/x-yaml",
          "text/plain",
          "application/octet-stream" ->
          List.of(new SigmaSource("body.yml", utf8(body, "body")));
      default ->
          throw ApiException.badRequest(
              "unsupported content type [" + type + "]",
              Map.of("supported", List.of("application/yaml", "text/yaml", "application/zip")));
    };
  }

  private static List<SigmaSource> zip(byte[] body) {
    List<SigmaSource> out = new ArrayList<>();
    long total = 0;
    int entries = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(body))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (++entries > MAX_ENTRIES) {
          throw ApiException.badRequest("the zip has more than " + MAX_ENTRIES + " entries");
        }
        String name = e.getName();
        String lower = name.toLowerCase(Locale.ROOT);
        if (e.isDirectory() || !(lower.endsWith(".yml") || lower.endsWith(".yaml"))) {
          continue;
        }
        byte[] bytes = bounded(in, name);
        total += bytes.length;
        if (total > MAX_TOTAL_BYTES) {
          throw ApiException.badRequest(
              "the zip's rules are larger than " + MAX_TOTAL_BYTES + " bytes uncompressed");
        }
        out.add(new SigmaSource(name, utf8(bytes, name)));
      }
    } catch (ZipException ex) {
      throw ApiException.badRequest("not a valid zip: " + ex.getMessage());
    } catch (IOException ex) {
      throw ApiException.badRequest("the zip cannot be read: " + ex.getMessage());
    }
    if (out.isEmpty()) {
      throw ApiException.badRequest("the zip holds no .yml or .yaml file");
    }
    out.sort(java.util.Comparator.comparing(SigmaSource::name));
    return out;
  }

  private static byte[] bounded(InputStream in, String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    while ((n = in.read(buf)) > 0) {
      if (out.size() + n > MAX_FILE_BYTES) {
        throw ApiException.badRequest(
            "[" + name + "] is larger than " + MAX_FILE_BYTES + " bytes uncompressed");
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static String utf8(byte[] bytes, String name) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest("[" + name + "] is not UTF-8 text");
    }
  }
}
