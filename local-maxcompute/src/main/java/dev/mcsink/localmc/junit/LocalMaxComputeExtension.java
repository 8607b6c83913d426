package dev.mcsink.localmc.junit;

import dev.mcsink.localmc.LocalMaxCompute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a local MaxCompute on a free port with a temporary data directory, once per test class.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final LocalMaxComputeExtension MC = new LocalMaxComputeExtension();
 * ... MC.service().endpoint() ...
 * </pre>
 * or {@code @ExtendWith(LocalMaxComputeExtension.class)} with a {@link LocalMaxCompute} parameter.
 */
public final class LocalMaxComputeExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private final Consumer<LocalMaxCompute.Builder> customizer;
  private LocalMaxCompute service;
  private Path dataDir;

  public LocalMaxComputeExtension() {
    this(b -> { });
  }

  /** Adjusts the builder before start (projects, accounts, token lifetime, limits). */
  public LocalMaxComputeExtension(Consumer<LocalMaxCompute.Builder> customizer) {
    this.customizer = customizer;
  }

  public LocalMaxCompute service() {
    if (service == null) {
      throw new IllegalStateException("Local MaxCompute is not started: register the extension as static");
    }
    return service;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (service != null) {
      return;
    }
    dataDir = Files.createTempDirectory("local-maxcompute-");
    LocalMaxCompute.Builder builder = LocalMaxCompute.builder().port(0).dataDir(dataDir);
    customizer.accept(builder);
    try {
      service = builder.start();
    } catch (RuntimeException e) {
      deleteTree(dataDir);
      throw e;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (service != null) {
      service.close();
      service = null;
      deleteTree(dataDir);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalMaxCompute.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return service();
  }

  private static void deleteTree(Path root) {
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
          Files.delete(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
