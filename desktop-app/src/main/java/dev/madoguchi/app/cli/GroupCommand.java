package dev.madoguchi.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code store}, {@code card}, {@code form}, {@code qr}, {@code demo}, {@code report}): called
 * without one, it prints its usage to standard output and exits with 0, like {@code --help}.
 */
abstract class GroupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
