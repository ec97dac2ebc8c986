package dev.madoguchi.app.wiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a view by convention: the class {@code XxxView} → {@code XxxView.fxml} beside it, its controller (and those of
 * the views it includes) made by the suppliers registered here — constructor injection, no statics. A controller
 * that is not registered is an error that names it.
 */
public final class ViewLoader {

    private static final String STYLESHEET = "/dev/madoguchi/app/madoguchi.css";

    private final ResourceBundle bundle;
    private final Map<Class<?>, Supplier<?>> controllers = new HashMap<>();

    /** @param bundle the texts the FXML's {@code %keys} come from, or null for a view without them */
    public ViewLoader(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** Registers how to make the controller of one view. */
    public <T> ViewLoader with(Class<T> type, Supplier<? extends T> make) {
        controllers.put(type, make);
        return this;
    }

    /** Registers how to make several controllers (e.g. a mode's step views). */
    public ViewLoader withAll(Map<Class<?>, ? extends Supplier<?>> made) {
        controllers.putAll(made);
        return this;
    }

    /** Loads {@code view}'s FXML (named after the class, in its package) with the registered controllers. */
    public Parent load(Class<?> view) {
        return load(Objects.requireNonNull(view.getResource(view.getSimpleName() + ".fxml"),
                () -> "no " + view.getSimpleName() + ".fxml beside " + view.getName()));
    }

    /** Loads the FXML at {@code fxml} (a view without a controller class of its own) with the registered controllers. */
    public Parent load(URL fxml) {
        FXMLLoader loader = new FXMLLoader(fxml, bundle);
        loader.setControllerFactory(type -> {
            Supplier<?> make = controllers.get(type);
            if (make == null) {
                throw new IllegalStateException("no controller wired for " + type.getName());
            }
            return make.get();
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }

    /** Loads the view and adds the application's stylesheet to it. */
    public Parent loadStyled(Class<?> view) {
        Parent root = load(view);
        root.getStylesheets().add(stylesheet());
        return root;
    }

    /** The application's stylesheet. */
    public static String stylesheet() {
        return Objects.requireNonNull(ViewLoader.class.getResource(STYLESHEET)).toExternalForm();
    }
}
