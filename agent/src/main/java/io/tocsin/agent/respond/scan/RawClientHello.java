package io.tocsin.agent.respond.scan;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;

/**
 * A hand-built TLS ClientHello for one protocol version and the server's first answer. The JDK
 * disables TLS 1.0 and 1.1 for its own clients (and re-enabling them is a JVM-wide switch that
 * would weaken the agent's connection to its server), so asking a port whether it still accepts
 * them means speaking the first flight ourselves. The hello offers the suites and extensions
 * servers of that era expect; nothing past the server's first record is read.
 */
final class RawClientHello {

  static final int TLS10 = 0x0301;
  static final int TLS11 = 0x0302;
  static final int TLS12 = 0x0303;

  /** What the server answered. */
  enum Answer {
    /** A ServerHello choosing exactly the offered version. */
    ACCEPTED,
    /** A TLS alert, or a ServerHello for another version: a TLS server that refuses it. */
    REFUSED,
    /** No answer, or not a TLS record: not a TLS service (or closed before answering). */
    NOT_TLS
  }

  private static final int[] SUITES = {
    0xC02F, 0xC030, 0xC02B, 0xC02C, 0xC013, 0xC014, 0xC009, 0xC00A, 0x009C, 0x009D, 0x002F, 0x0035,
    0x000A
  };
  private static final int[] GROUPS = {0x001D, 0x0017, 0x0018};
  private static final int[] SIGNATURES = {
    0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0201, 0x0203
  };
  private static final SecureRandom RANDOM = new SecureRandom();

  private RawClientHello() {}

  /** The ClientHello record for {@code version} (e.g. {@link #TLS11}). */
  static byte[] build(int version) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    u16(body, version);
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    body.writeBytes(random);
    body.write(0); // no session id
    u16(body, SUITES.length * 2);
    for (int s : SUITES) {
      u16(body, s);
    }
    body.write(1); // one compression method
    body.write(0); // null
    ByteArrayOutputStream ext = new ByteArrayOutputStream();
    extension(ext, 0x000A, list16(GROUPS)); // supported_groups
    extension(ext, 0x000B, new byte[] {1, 0}); // ec_point_formats: uncompressed
    if (version >= TLS12) {
      extension(ext, 0x000D, list16(SIGNATURES)); // signature_algorithms
    }
    extension(ext, 0xFF01, new byte[] {0}); // renegotiation_info, empty
    u16(body, ext.size());
    body.writeBytes(ext.toByteArray());

    ByteArrayOutputStream handshake = new ByteArrayOutputStream();
    handshake.write(1); // ClientHello
    u24(handshake, body.size());
    handshake.writeBytes(body.toByteArray());

    ByteArrayOutputStream record = new ByteArrayOutputStream();
    record.write(0x16); // handshake
    u16(record, TLS10); // record version: what old servers expect in the first record
    u16(record, handshake.size());
    record.writeBytes(handshake.toByteArray());
    return record.toByteArray();
  }

  /** Reads the server's first record and classifies it against the offered {@code version}. */
  static Answer read(InputStream in, int version) throws IOException {
    DataInputStream data = new DataInputStream(in);
    int type;
    try {
      type = data.readUnsignedByte();
    } catch (EOFException e) {
      return Answer.NOT_TLS;
    }
    if (type != 0x15 && type != 0x16) {
      return Answer.NOT_TLS;
    }
    int major = data.readUnsignedByte();
    if (major != 3) {
      return Answer.NOT_TLS;
    }
    data.readUnsignedByte(); // record minor version
    data.readUnsignedShort(); // length
    if (type == 0x15) {
      return Answer.REFUSED;
    }
    int handshakeType = data.readUnsignedByte();
    if (handshakeType != 2) {
      return Answer.REFUSED;
    }
    data.readFully(new byte[3]); // handshake length
    int chosen = data.readUnsignedShort();
    return chosen == version ? Answer.ACCEPTED : Answer.REFUSED;
  }

  private static byte[] list16(int[] values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    u16(out, values.length * 2);
    for (int v : values) {
      u16(out, v);
    }
    return out.toByteArray();
  }

  private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
    u16(out, type);
    u16(out, data.length);
    out.writeBytes(data);
  }

  private static void u16(ByteArrayOutputStream out, int v) {
    out.write((v >> 8) & 0xFF);
    out.write(v & 0xFF);
  }

  private static void u24(ByteArrayOutputStream out, int v) {
    out.write((v >> 16) & 0xFF);
    u16(out, v & 0xFFFF);
  }
}
