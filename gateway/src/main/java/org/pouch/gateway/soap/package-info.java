/**
 * The SOAP edge: the exchange service of {@code wsdl/pouch-exchange-v1.wsdl} on Apache CXF, handing each
 * submitted envelope to the {@link org.pouch.intake.Intake} and mapping its outcome to a response or to a
 * fault. Only {@link org.pouch.gateway.soap.SoapEdgeConfiguration} and its properties are public; the
 * JAX-WS and JAXB classes in {@code org.pouch.gateway.soap.wsdl} are generated from the WSDL at build time.
 */
package org.pouch.gateway.soap;
