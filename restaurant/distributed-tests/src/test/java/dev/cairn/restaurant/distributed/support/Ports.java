package dev.cairn.restaurant.distributed.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for the processes a test starts. Chosen below the kernel's ephemeral range:
 * a port taken from that range (as {@code new ServerSocket(0)} does) can be given to some
 * outgoing connection — a pool's, PostgreSQL's — between the moment it is picked and the moment
 * the child process binds it.
 */
public final class Ports {

    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private Ports() {}

    public static int free() {
        int ephemeralLow = ephemeralLow();
        int low = Math.max(1024, Math.min(20_000, ephemeralLow - 5_000));
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(low, ephemeralLow);
            if (!GIVEN.contains(port) && bindable(port)) {
                GIVEN.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + low + " and " + ephemeralLow);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int ephemeralLow() {
        // Read line by line: a /proc file reports size 0, and a read sized by it comes back short.
        try (var lines = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            int low = Integer.parseInt(lines.readLine().trim().split("\\s+")[0]);
            return low > 21_000 ? low : 32_768;
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
