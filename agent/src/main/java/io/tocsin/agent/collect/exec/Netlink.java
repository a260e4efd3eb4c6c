package io.tocsin.agent.collect.exec;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;

/** JNA direct mapping of the socket calls the process events connector needs. */
final class Netlink {

  static final int AF_NETLINK = 16;
  static final int SOCK_DGRAM = 2;
  static final int SOCK_CLOEXEC = 0x80000;
  static final int NETLINK_CONNECTOR = 11;
  static final int SOL_SOCKET = 1;
  static final int SO_RCVBUF = 8;
  static final int SO_RCVBUFFORCE = 33;
  static final int MSG_DONTWAIT = 0x40;
  static final int EPERM = 1;
  static final int EAGAIN = 11;
  static final int EINTR = 4;
  static final int ENOBUFS = 105;
  static final int EPROTONOSUPPORT = 93;
  static final short POLLIN = 1;

  static {
    Native.register(Netlink.class, Platform.C_LIBRARY_NAME);
  }

  private Netlink() {}

  static native int socket(int domain, int type, int protocol) throws LastErrorException;

  static native int bind(int fd, byte[] addr, int len) throws LastErrorException;

  static native NativeLong send(int fd, byte[] buf, NativeLong len, int flags)
      throws LastErrorException;

  static native NativeLong recv(int fd, byte[] buf, NativeLong len, int flags)
      throws LastErrorException;

  static native int setsockopt(int fd, int level, int name, int[] value, int len)
      throws LastErrorException;

  static native int poll(byte[] fds, NativeLong nfds, int timeoutMillis) throws LastErrorException;

  static native int close(int fd);
}
