package io.eventdesk.domain;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/** The one Immutables style of the domain: {@code ImmutableX} with a builder, JDK collections only. */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PUBLIC, allParameters = false)
public @interface DomainStyle {}
