extension LabelLexicon {
    static let partyLabels: [LabelKind: LabelPhrases] = [
        .billTo: LabelPhrases(specific: [
            "Bill to", "Billed to", "Invoice to", "Invoiced to", "Sold to", "Customer", "Client", "Buyer", "Recipient",
            "Billing address", "Invoice address", "To", "Prepared for", "Invoice for", "Customer name", "Client name",
            "Bill to party", "Invoiced",
            "Rechnungsempfänger", "Rechnungsadresse", "Rechnungsanschrift", "Kunde", "Empfänger", "Rechnung an", "Käufer", "Auftraggeber",
            "Facturé à", "Facturer à", "Adresse de facturation", "Destinataire", "Acheteur", "Client facturé",
            "Factuur aan", "Factuuradres", "Aan", "Klant", "Afnemer", "Gefactureerd aan",
            "Faktureras till", "Faktureras", "Faktureringsadress", "Kund", "Köpare", "Mottagare", "Fakturaadress",
            "Facturar a", "Cliente", "Facturado a", "Dirección de facturación", "Destinatario", "Comprador",
            "Intestatario", "Spett.le", "Fatturare a", "Committente", "Indirizzo di fatturazione",
            "Customer details", "Client details", "Kundendaten", "Données client", "Klantgegevens", "Kunduppgifter",
            "Datos del cliente", "Dati cliente", "Dati del cliente", "Herrn", "Herr", "Frau", "Firma", "An", "À", "Till",
        ]),
        .seller: LabelPhrases(specific: [
            "From", "Seller", "Supplier", "Vendor", "Issued by", "Sender", "Remit to", "Pay to", "Payable to",
            "Make checks payable to", "Sold by", "Billed by", "Invoice from",
            "Absender", "Lieferant", "Verkäufer", "Rechnungssteller", "Leistungserbringer", "Von",
            "Fournisseur", "Vendeur", "Émetteur", "Expéditeur",
            "Van", "Leverancier", "Verkoper", "Afzender",
            "Leverantör", "Säljare", "Avsändare", "Från",
            "Emisor", "Proveedor", "Vendedor", "Remitente",
            "Fornitore", "Venditore", "Mittente", "Cedente",
        ]),
        .shipTo: LabelPhrases(specific: [
            "Ship to", "Deliver to", "Delivery address", "Shipping address", "Shipped to",
            "Lieferadresse", "Lieferanschrift", "Liefern an", "Versandadresse",
            "Adresse de livraison", "Livrer à", "Livré à",
            "Afleveradres", "Leveringsadres", "Leveradres",
            "Leveransadress", "Levereras till",
            "Dirección de entrega", "Dirección de envío", "Enviar a",
            "Indirizzo di consegna", "Destinazione merce", "Luogo di consegna",
        ]),
    ]
}
