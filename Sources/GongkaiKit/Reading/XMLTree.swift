import CLibXML2

/// A read-only view of a libxml2 node, enough to walk a parsed page or a Word document: element names,
/// attributes and text without copying the tree. Attribute and text pointers belong to the tree, so
/// nothing here allocates C memory that would need `xmlFree`.
struct XMLNode {
    let pointer: xmlNodePtr

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The local name (no namespace prefix), as written.
    var name: String {
        guard let name = pointer.pointee.name else { return "" }
        return String(cString: name)
    }

    /// The text of a text node.
    var content: String {
        guard let content = pointer.pointee.content else { return "" }
        return String(cString: content)
    }

    /// libxml2 keeps line numbers above 65535 only through this call.
    var line: Int { Int(xmlGetLineNo(pointer)) }

    var children: XMLChildren { XMLChildren(first: pointer.pointee.children) }

    func attribute(_ localName: String) -> String? {
        var property = pointer.pointee.properties
        while let current = property {
            if let name = current.pointee.name, String(cString: name) == localName {
                var text = ""
                var child = current.pointee.children
                while let node = child {
                    if let content = node.pointee.content { text += String(cString: content) }
                    child = node.pointee.next
                }
                return text
            }
            property = current.pointee.next
        }
        return nil
    }

    /// The first child element with this local name.
    func child(_ localName: String) -> XMLNode? {
        children.first { $0.isElement && $0.name == localName }
    }

    /// Every descendant text, in document order.
    var allText: String {
        var text = ""
        func walk(_ node: XMLNode) {
            if node.isText { text += node.content }
            for child in node.children { walk(child) }
        }
        walk(self)
        return text
    }
}

struct XMLChildren: Sequence {
    let first: xmlNodePtr?

    func makeIterator() -> AnyIterator<XMLNode> {
        var next = first
        return AnyIterator {
            guard let current = next else { return nil }
            next = current.pointee.next
            return XMLNode(pointer: current)
        }
    }
}

/// libxml2 must be initialised once, on one thread, before threads parse in parallel.
enum LibXML2 {
    static let ready: Bool = {
        xmlInitParser()
        return true
    }()
}
