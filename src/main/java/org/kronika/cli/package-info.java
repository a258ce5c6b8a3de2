/**
 * The {@code kronika} command line (picocli): one command class per subcommand; {@code Main}
 * is the entry point. Internal but for {@code Main}.
 */
package org.kronika.cli;
