/**
 * The configuration file, {@code editloop.yaml}: named backends with their specs, key variables and limits, and
 * defaults for the CLI, so that {@code --editor qwen-edit} names a backend defined once.
 */
package dev.editloop.core.config;
