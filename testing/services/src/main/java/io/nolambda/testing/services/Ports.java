package io.nolambda.testing.services;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** TCP port checks on the loopback address the services bind to. */
final class Ports {
  static final String HOST = "127.0.0.1";

  private Ports() {}

  /** Distinct ports free right now; all held open until all are chosen so none repeats. */
  static int[] free(int count) {
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        held.add(new ServerSocket(0, 1, InetAddress.getByName(HOST)));
      }
      return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
    } catch (IOException e) {
      throw new ServicesException("Cannot find free ports on " + HOST, e);
    } finally {
      held.forEach(Ports::closeQuietly);
    }
  }

  static boolean isFree(int port) {
    try {
      new ServerSocket(port, 1, InetAddress.getByName(HOST)).close();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Fails before launching anything, rather than letting a server die on a bind error later. */
  static void requireFree(int... ports) {
    for (int port : ports) {
      if (!isFree(port)) {
        throw new ServicesException("Port " + port + " on " + HOST + " is in use; stop what holds it or pick another port");
      }
    }
  }

  static boolean answers(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void closeQuietly(ServerSocket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // a probe socket; nothing depends on it
    }
  }
}
