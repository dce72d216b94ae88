/**
 * The three ports (editor, thinker, judge), the values that cross them, and the one exception hierarchy. Nothing
 * here knows any vendor.
 */
package dev.editloop.core;
