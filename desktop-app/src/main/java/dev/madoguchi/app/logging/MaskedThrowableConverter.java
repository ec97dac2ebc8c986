package dev.madoguchi.app.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/** {@code %maskedEx}: the stack trace with {@link PersonalDataMask} applied to every line. */
public final class MaskedThrowableConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return PersonalDataMask.mask(super.throwableProxyToString(proxy));
    }
}
