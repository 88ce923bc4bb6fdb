package org.earmark.ui.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import javafx.scene.input.KeyCode;
import org.earmark.codebook.Hotkey;
import org.earmark.ui.DesktopApp;
import org.junit.jupiter.api.Test;

/** The keyboard map, without a screen. */
class ShortcutsTest {

    @Test
    void thePlainKeysAreExactlyTheKeysCodesMayNotUse() {
        assertEquals(Hotkey.RESERVED, new HashSet<>(Shortcuts.plainKeys()),
                "Hotkey.RESERVED and the shortcut table must list the same keys");
    }

    @Test
    void everyActionHasAKeyAndADescription() {
        ResourceBundle text = DesktopApp.messages();
        Set<Action> bound = EnumSet.noneOf(Action.class);
        Shortcuts.TABLE.forEach(b -> bound.add(b.action()));
        assertEquals(EnumSet.allOf(Action.class), bound);
        for (Action a : Action.values()) {
            assertTrue(text.containsKey(a.textKey()), a.textKey());
        }
    }

    @Test
    void keysMapToActions() {
        assertEquals(Optional.of(Action.PLAY_PAUSE), Shortcuts.actionFor(KeyCode.SPACE, false, false));
        assertEquals(Optional.of(Action.BACK_5), Shortcuts.actionFor(KeyCode.LEFT, false, false));
        assertEquals(Optional.of(Action.BACK_1), Shortcuts.actionFor(KeyCode.LEFT, true, false));
        assertEquals(Optional.of(Action.FORWARD_1), Shortcuts.actionFor(KeyCode.RIGHT, true, false));
        assertEquals(Optional.of(Action.SLOWER), Shortcuts.actionFor(KeyCode.OPEN_BRACKET, false, false));
        assertEquals(Optional.of(Action.FASTER), Shortcuts.actionFor(KeyCode.CLOSE_BRACKET, false, false));
        assertEquals(Optional.of(Action.ZOOM_IN), Shortcuts.actionFor(KeyCode.EQUALS, true, false), "+ is Shift+=");
        assertEquals(Optional.of(Action.ZOOM_IN), Shortcuts.actionFor(KeyCode.ADD, false, false));
        assertEquals(Optional.of(Action.ZOOM_OUT), Shortcuts.actionFor(KeyCode.MINUS, false, false));
        assertEquals(Optional.of(Action.NUDGE_EARLIER), Shortcuts.actionFor(KeyCode.COMMA, false, false));
        assertEquals(Optional.of(Action.NUDGE_LATER), Shortcuts.actionFor(KeyCode.PERIOD, false, false));
        assertEquals(Optional.of(Action.DELETE_EVENT), Shortcuts.actionFor(KeyCode.BACK_SPACE, false, false));
        assertEquals(Optional.of(Action.UNDO), Shortcuts.actionFor(KeyCode.Z, false, true));
        assertEquals(Optional.of(Action.REDO), Shortcuts.actionFor(KeyCode.Z, true, true));
        assertEquals(Optional.of(Action.REDO), Shortcuts.actionFor(KeyCode.Y, false, true));
        assertEquals(Optional.empty(), Shortcuts.actionFor(KeyCode.TAB, false, false), "Tab moves the focus");
        assertEquals(Optional.empty(), Shortcuts.actionFor(KeyCode.Z, false, false), "a plain letter is a code key");
        assertEquals(Optional.empty(), Shortcuts.actionFor(KeyCode.W, false, true), "Ctrl+W is the menu's");
    }

    @Test
    void digitsLettersAndFunctionKeysAreCodeKeys() {
        assertEquals(Optional.of(new Hotkey("1")), Shortcuts.hotkeyFor(KeyCode.DIGIT1));
        assertEquals(Optional.of(new Hotkey("1")), Shortcuts.hotkeyFor(KeyCode.NUMPAD1));
        assertEquals(Optional.of(new Hotkey("C")), Shortcuts.hotkeyFor(KeyCode.C));
        assertEquals(Optional.of(new Hotkey("F2")), Shortcuts.hotkeyFor(KeyCode.F2));
        assertEquals(Optional.empty(), Shortcuts.hotkeyFor(KeyCode.F1), "F1 is help");
        assertEquals(Optional.empty(), Shortcuts.hotkeyFor(KeyCode.SPACE));
    }

    @Test
    void theOverlayWritesKeysAsCodersSeeThem() {
        assertEquals("Shift+\u2190", Shortcuts.display(new Shortcuts.Binding(Action.BACK_1, "LEFT", true, false), false));
        assertEquals("Ctrl+Shift+Z", Shortcuts.display(new Shortcuts.Binding(Action.REDO, "Z", true, true), false));
        assertEquals("\u2318Z", Shortcuts.display(new Shortcuts.Binding(Action.UNDO, "Z", false, true), true));
    }
}
