package org.seatreconciler.schemas.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which runtime the registry tests start Apicurio on, for each machine layout. */
class JavaRuntimesTest {

    @TempDir
    Path dir;

    @Test
    void theRunningJvmWhenItIsNewEnough() throws IOException {
        Path running = jdk("running", "21.0.2");

        assertThat(JavaRuntimes.find(21, running, 21, Optional.empty(), List.of(dir)))
                .isEqualTo(running.resolve("bin/java"));
    }

    @Test
    void theNewestSufficientRuntimeUnderTheUsualLocations() throws IOException {
        jdk("jvm/java-17-openjdk-amd64", "17.0.15");
        jdk("jvm/temurin-21-jdk", "21.0.5");
        Path newest = jdk("jvm/temurin-25-jdk-amd64", "25.0.3");
        Files.createDirectories(dir.resolve("jvm/broken-no-release/bin"));

        assertThat(JavaRuntimes.find(21, dir.resolve("running"), 17, Optional.empty(), List.of(dir.resolve("jvm"), dir.resolve("missing"))))
                .isEqualTo(newest.resolve("bin/java"));
    }

    @Test
    void aMacOsBundleIsFoundThroughContentsHome() throws IOException {
        Path home = jdk("JavaVirtualMachines/temurin-21.jdk/Contents/Home", "21.0.1");

        assertThat(JavaRuntimes.find(21, dir.resolve("running"), 17, Optional.empty(), List.of(dir.resolve("JavaVirtualMachines"))))
                .isEqualTo(home.resolve("bin/java"));
    }

    @Test
    void aConfiguredRuntimeWinsOverTheSearch() throws IOException {
        Path configured = jdk("custom/jdk", "22");
        jdk("jvm/temurin-25", "25.0.3");

        assertThat(JavaRuntimes.find(21, dir.resolve("running"), 17, Optional.of(configured), List.of(dir.resolve("jvm"))))
                .isEqualTo(configured.resolve("bin/java"));
    }

    @Test
    void aConfiguredRuntimeThatIsTooOldIsAOneLineError() throws IOException {
        Path configured = jdk("custom/jdk17", "17.0.15");

        assertThatThrownBy(() -> JavaRuntimes.find(21, dir.resolve("running"), 17, Optional.of(configured), List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The Java runtime configured by -Dregistry.java.home or REGISTRY_JAVA_HOME (" + configured
                        + ") is not a Java 21+ runtime (it is Java 17): point it at the home folder of a JDK or JRE 21 or later");
    }

    @Test
    void noneFoundSaysWhatToInstallOnOneLine() throws IOException {
        jdk("jvm/java-17", "17.0.15");

        assertThatThrownBy(() -> JavaRuntimes.find(21, dir.resolve("running"), 17, Optional.empty(), List.of(dir.resolve("jvm"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No Java 21+ runtime found (this build runs on Java 17; searched [" + dir.resolve("jvm")
                        + "]): install a JDK or JRE 21 or later (e.g. Temurin 21) there, or set -Dregistry.java.home=<its home> "
                        + "or REGISTRY_JAVA_HOME")
                .message().doesNotContain("\n");
    }

    private Path jdk(String relative, String version) throws IOException {
        Path home = dir.resolve(relative);
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
