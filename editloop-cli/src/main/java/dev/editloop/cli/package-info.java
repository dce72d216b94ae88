/** The {@code editloop} command line: wires backends from spec strings, runs the loop, prints and writes results. */
package dev.editloop.cli;
